import { describe, expect, it } from "vitest";
import { flattenGroups, groupAlerts, nextAlertRow } from "./group";
import { recordedAlerts } from "./test-alerts";

const alerts = recordedAlerts();

describe("groupAlerts", () => {
  it("groups by a label, counting severities, most severe group first", () => {
    const groups = groupAlerts(alerts, ["service"], "severity");
    expect(groups.map((group) => group.labels.service)).toEqual(["inferno", "neuronetes", "", "agent-sre"]);
    const [inferno] = groups;
    expect(inferno?.counts).toEqual({ critical: 1, warning: 1, info: 0, none: 0 });
    expect(inferno?.worst).toBe("critical");
    expect(inferno?.alerts.map((alert) => alert.labels.alertname)).toEqual(["ServiceDown", "HighLatency"]);
  });

  it("groups by several labels, and by none", () => {
    expect(groupAlerts(alerts, ["service", "instance"], "severity")).toHaveLength(4);
    const [all] = groupAlerts(alerts, [], "severity");
    expect(all?.alerts).toHaveLength(alerts.length);
  });

  it("sorts by a label's value, alerts without it last", () => {
    const [all] = groupAlerts(alerts, [], "label:instance");
    expect(all?.alerts.map((alert) => alert.labels.instance ?? "-")).toEqual(["gpu-0", "inferno-0", "inferno-0", "-", "-"]);
  });

  it("sorts by start time, newest first", () => {
    const [all] = groupAlerts(alerts, [], "startsAt");
    const starts = all?.alerts.map((alert) => alert.startsAt) ?? [];
    expect([...starts].sort().reverse()).toEqual(starts);
  });
});

describe("flattenGroups and nextAlertRow", () => {
  it("draws a header per group and skips collapsed groups' alerts; keyboard moves skip headers", () => {
    const groups = groupAlerts(alerts, ["service"], "severity");
    const rows = flattenGroups(groups, new Set([groups[1]?.key ?? ""]), true);
    expect(rows.map((row) => row.kind)).toEqual(["group", "alert", "alert", "group", "group", "alert", "group", "alert"]);
    expect(nextAlertRow(rows, 2, 1)).toBe(5);
    expect(nextAlertRow(rows, 5, -1)).toBe(2);
    expect(nextAlertRow(rows, 7, 1)).toBe(7);
    expect(flattenGroups(groups, new Set(), false).every((row) => row.kind === "alert")).toBe(true);
  });
});
