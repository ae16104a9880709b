import { describe, expect, it } from "vitest";
import { testAlertSchema } from "./test-alert";

describe("testAlertSchema", () => {
  it("accepts labels with an alertname and fills defaults", () => {
    expect(testAlertSchema.parse({ labels: { alertname: "X", severity: "info" } })).toEqual({
      labels: { alertname: "X", severity: "info" },
      durationMinutes: 5,
      resolve: false,
    });
  });

  it("names a bad label name and a missing alertname", () => {
    const result = testAlertSchema.safeParse({ labels: { "bad label": "x" } });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
    expect(messages).toContain('labels.bad label: Label name "bad label" must be letters, digits and underscores, not starting with a digit.');
    expect(messages).toContain("labels.alertname: labels.alertname is required.");
  });

  it("refuses unknown fields, long values and durations out of range", () => {
    expect(testAlertSchema.safeParse({ labels: { alertname: "X" }, extra: 1 }).success).toBe(false);
    expect(testAlertSchema.safeParse({ labels: { alertname: "x".repeat(1025) } }).success).toBe(false);
    expect(testAlertSchema.safeParse({ labels: { alertname: "X" }, durationMinutes: 0 }).success).toBe(false);
    expect(testAlertSchema.safeParse({ labels: { alertname: "X" }, durationMinutes: 1.5 }).success).toBe(false);
  });
});
