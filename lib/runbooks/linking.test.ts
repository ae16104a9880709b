import { describe, expect, it } from "vitest";
import { externalRunbookUrl, linkBetween, runbooksLinkedTo, slugFromRunbookUrl } from "./linking";

const byUrl = { slug: "inferno-queue-backlog", alertNames: [], labelMatchers: [] };
const byName = { slug: "queue-general", alertNames: ["InfernoQueueBacklog"], labelMatchers: [] };
const byLabels = { slug: "ml-platform-oncall", alertNames: [], labelMatchers: ['{service="inferno", severity=~"warning|critical"}'] };
const unrelated = { slug: "gpu-xid-error", alertNames: ["GPUXidError"], labelMatchers: ['{service="gpu"}'] };

const labels = { alertname: "InfernoQueueBacklog", service: "inferno", severity: "warning", instance: "inferno-0:9090" };
const annotations = { runbook_url: "http://localhost:3000/runbooks/inferno-queue-backlog", summary: "queue" };

describe("runbook links", () => {
  it("reads the slug from runbook_url on any host, or relative", () => {
    expect(slugFromRunbookUrl("http://localhost:3000/runbooks/inferno-queue-backlog")).toBe("inferno-queue-backlog");
    expect(slugFromRunbookUrl("https://vigil.example.com/runbooks/gpu-xid-error/")).toBe("gpu-xid-error");
    expect(slugFromRunbookUrl("/runbooks/target-down?x=1")).toBe("target-down");
    expect(slugFromRunbookUrl("https://wiki.example.com/Runbooks/Inferno")).toBeUndefined();
    expect(slugFromRunbookUrl("https://x/runbooks/a/b")).toBeUndefined();
    expect(slugFromRunbookUrl("https://x/runbooks/Not_A_Slug")).toBeUndefined();
    expect(slugFromRunbookUrl(undefined)).toBeUndefined();
  });

  it("keeps an external runbook_url only when it is http(s)", () => {
    expect(externalRunbookUrl({ runbook_url: "https://wiki.example.com/x" })).toBe("https://wiki.example.com/x");
    expect(externalRunbookUrl({ runbook_url: "javascript:alert(1)" })).toBeNull();
    expect(externalRunbookUrl(annotations)).toBeNull();
    expect(externalRunbookUrl({})).toBeNull();
  });

  it("orders runbook_url, then alert name, then label matchers", () => {
    const linked = runbooksLinkedTo([byLabels, unrelated, byName, byUrl], labels, annotations);
    expect(linked.map((runbook) => [runbook.slug, runbook.reason])).toEqual([
      ["inferno-queue-backlog", "runbook_url"],
      ["queue-general", "alertname"],
      ["ml-platform-oncall", "labels"],
    ]);
    expect(linked[2]?.matcher).toBe('{service="inferno", severity=~"warning|critical"}');
  });

  it("matches label matchers with Alertmanager semantics (anchored regexes, missing labels are empty)", () => {
    expect(linkBetween(byLabels, { ...labels, severity: "info" }, {})).toBeUndefined();
    expect(linkBetween(byLabels, { ...labels, severity: "warning-ish" }, {})).toBeUndefined();
    expect(linkBetween({ ...byLabels, labelMatchers: ['{team!="sre"}', "{service=\"inferno\"}"] }, labels, {})).toEqual({ reason: "labels", matcher: '{team!="sre"}' });
    // An empty set would match every alert: never treated as a link.
    expect(linkBetween({ ...byLabels, labelMatchers: ["{}"] }, labels, {})).toBeUndefined();
  });
});
