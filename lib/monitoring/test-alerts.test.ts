import { describe, expect, it } from "vitest";
import { testAlertSchema } from "@/lib/validations/test-alert";
import { isTestAlert, resolveLabels, testAlertBody } from "./test-alerts";

const form = { alertname: " DiskFull ", severity: "critical", service: "inferno", extraLabels: 'team="ml", instance=a:9100', summary: "", durationMinutes: 10 };

describe("testAlertBody", () => {
  it("builds a body the API accepts from the form", () => {
    const body = testAlertBody(form);
    expect(body).toEqual({ ok: true, value: { labels: { team: "ml", instance: "a:9100", alertname: "DiskFull", severity: "critical", service: "inferno" }, durationMinutes: 10 } });
    if (body.ok) expect(testAlertSchema.safeParse(body.value).success).toBe(true);
    expect(testAlertBody({ ...form, summary: "hello" })).toMatchObject({ ok: true, value: { annotations: { summary: "hello" } } });
  });

  it("refuses a missing alertname and labels that are not name=value", () => {
    expect(testAlertBody({ ...form, alertname: " " })).toEqual({ ok: false, error: "alertname is required." });
    expect(testAlertBody({ ...form, extraLabels: 'team=~"m.*"' }).ok).toBe(false);
  });
});

describe("resolveLabels", () => {
  it("drops the marker the server adds, so resolving matches the alert sent", () => {
    expect(resolveLabels({ alertname: "A", vigil_test: "true" })).toEqual({ alertname: "A" });
    expect(isTestAlert({ vigil_test: "true" })).toBe(true);
    expect(isTestAlert({ alertname: "A" })).toBe(false);
  });
});
