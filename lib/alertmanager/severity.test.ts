import { describe, expect, it } from "vitest";
import { compareBySeverity, countBySeverity, severityOf } from "./severity";

describe("severityOf", () => {
  it.each([
    ["critical", "critical"],
    ["CRITICAL", "critical"],
    ["page", "critical"],
    ["warning", "warning"],
    ["warn", "warning"],
    ["info", "info"],
    ["", "none"],
    ["banana", "none"],
  ])("%j is %s", (value, expected) => {
    expect(severityOf({ severity: value })).toBe(expected);
  });
});

describe("countBySeverity", () => {
  it("counts active alerts by severity and suppressed ones apart", () => {
    const counts = countBySeverity([
      { labels: { severity: "critical" }, status: { state: "active" } },
      { labels: { severity: "critical" }, status: { state: "suppressed" } },
      { labels: { severity: "warning" }, status: { state: "active" } },
      { labels: { severity: "info" }, status: { state: "active" } },
      { labels: {}, status: { state: "active" } },
      { labels: { severity: "warning" }, status: { state: "unprocessed" } },
    ]);
    expect(counts).toEqual({ critical: 1, warning: 1, info: 1, none: 1, suppressed: 1 });
  });
});

describe("compareBySeverity", () => {
  it("sorts critical before warning before unlabelled, then oldest first", () => {
    const alerts: Array<{ labels: Record<string, string>; startsAt: string }> = [
      { labels: { alertname: "c", severity: "warning" }, startsAt: "2026-01-01T00:00:00Z" },
      { labels: { alertname: "d" }, startsAt: "2025-01-01T00:00:00Z" },
      { labels: { alertname: "b", severity: "critical" }, startsAt: "2026-01-02T00:00:00Z" },
      { labels: { alertname: "a", severity: "critical" }, startsAt: "2026-01-01T00:00:00Z" },
    ];
    expect(alerts.sort(compareBySeverity).map((alert) => alert.labels.alertname)).toEqual(["a", "b", "c", "d"]);
  });
});
