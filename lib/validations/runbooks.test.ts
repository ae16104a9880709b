import { describe, expect, it } from "vitest";
import { createRunbookSchema, forAlertSchema, runbookSearchSchema, updateRunbookSchema } from "./runbooks";

const valid = { slug: "gpu-xid-error", title: "GPU XID error", body: "# x\n" };

function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }): string[] {
  return result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
}

describe("runbook validation", () => {
  it("fills defaults and normalises lists", () => {
    expect(createRunbookSchema.parse({ ...valid, tags: ["GPU", "gpu", " hardware "], team: "", alertNames: ["GPUXidError", "GPUXidError"] })).toEqual({
      ...valid,
      tags: ["gpu", "hardware"],
      team: null,
      alertNames: ["GPUXidError"],
      labelMatchers: [],
    });
  });

  it("refuses bad slugs, including the console's own paths", () => {
    for (const slug of ["GPU", "a--b", "-a", "a_b", "new", "for-alert", "", "x".repeat(101)]) {
      expect(createRunbookSchema.safeParse({ ...valid, slug }).success, slug).toBe(false);
    }
  });

  it("checks label matchers as Alertmanager would, naming the problem", () => {
    expect(createRunbookSchema.safeParse({ ...valid, labelMatchers: ['{service="gpu", severity=~"warning|critical"}'] }).success).toBe(true);
    expect(issues(createRunbookSchema.safeParse({ ...valid, labelMatchers: ['{service=~"("}'] }))).toEqual([expect.stringMatching(/^labelMatchers\.0: service: invalid regex/)]);
    expect(issues(createRunbookSchema.safeParse({ ...valid, labelMatchers: ['{team=~".*"}'] }))).toEqual([expect.stringMatching(/must not match the empty string/)]);
    expect(issues(createRunbookSchema.safeParse({ ...valid, labelMatchers: ["not a matcher"] }))).toEqual([expect.stringMatching(/is not a matcher/)]);
  });

  it("needs the version a save was edited from, and knows no other fields", () => {
    expect(issues(updateRunbookSchema.safeParse({ title: "x", body: "" }))).toEqual([expect.stringMatching(/^version: /)]);
    expect(updateRunbookSchema.safeParse({ title: "x", body: "", version: 1, owner: "me" }).success).toBe(false);
    expect(updateRunbookSchema.safeParse({ title: "x", body: "", version: 1.5 }).success).toBe(false);
  });

  it("reads search parameters, blanks meaning no filter", () => {
    expect(runbookSearchSchema.parse({ q: " queue ", tag: "", team: "" })).toEqual({ q: "queue", limit: 50 });
    expect(runbookSearchSchema.safeParse({ limit: "1000" }).success).toBe(false);
  });

  it("reads an alert's labels and annotations as JSON objects of strings", () => {
    expect(forAlertSchema.parse({ labels: '{"alertname":"X"}' })).toEqual({ labels: { alertname: "X" }, annotations: {} });
    expect(issues(forAlertSchema.safeParse({ labels: "{not json" }))).toEqual([expect.stringMatching(/^labels: labels must be a JSON object/)]);
    expect(forAlertSchema.safeParse({ labels: '{"a":1}' }).success).toBe(false);
  });
});
