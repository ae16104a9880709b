import { describe, expect, it } from "vitest";
import { filterAlerts, parseFilter, type StateFilter } from "./filter";
import { recordedAlerts } from "./test-alerts";

const names = (alerts: Array<{ labels: Record<string, string> }>) => alerts.map((alert) => alert.labels.alertname).sort();
const none = new Set<StateFilter>();

describe("parseFilter", () => {
  it("separates matchers from free words, with or without braces and commas", () => {
    const parsed = parseFilter('{severity="critical", team=~"ml.*"} gpu  OOM instance!~"test.*"');
    expect(parsed.matchers.map((matcher) => matcher.name)).toEqual(["severity", "team", "instance"]);
    expect(parsed.words).toEqual(["gpu", "oom"]);
    expect(parsed.errors).toEqual([]);
  });

  it("keeps spaces and commas inside quoted values", () => {
    const parsed = parseFilter('summary="a, b c"');
    expect(parsed.matchers).toEqual([{ name: "summary", value: "a, b c", isRegex: false, isEqual: true }]);
  });

  it("reports a matcher that does not parse instead of ignoring it", () => {
    expect(parseFilter('team=~"(unclosed"').errors).toHaveLength(1);
  });
});

describe("filterAlerts", () => {
  const alerts = recordedAlerts({ f570c1a6a464a140: {}, "15a37193dce72bab": { expired: true } });

  it("applies matchers with Alertmanager semantics (anchored regexes, missing label is empty)", () => {
    expect(names(filterAlerts(alerts, parseFilter('service=~"infer.*"'), none))).toEqual(["HighLatency", "ServiceDown"]);
    expect(names(filterAlerts(alerts, parseFilter('service=~"infer"'), none))).toEqual([]);
    expect(names(filterAlerts(alerts, parseFilter('instance=""'), none))).toEqual(["AgentLoopDetected", "AlwaysFiring"]);
    expect(names(filterAlerts(alerts, parseFilter('severity!="warning" service!~"agent.*"'), none))).toEqual(["ServiceDown"]);
  });

  it("matches free words case-insensitively against labels and annotations", () => {
    expect(names(filterAlerts(alerts, parseFilter("GPU-0"), none))).toEqual(["GpuMemoryHigh"]);
    expect(names(filterAlerts(alerts, parseFilter("prometheus runs"), none))).toEqual(["AlwaysFiring"]);
  });

  it("filters by state: any of the delivery states, and acknowledged or not (an expired one is not)", () => {
    expect(names(filterAlerts(alerts, parseFilter(""), new Set(["silenced"])))).toEqual(["GpuMemoryHigh"]);
    expect(names(filterAlerts(alerts, parseFilter(""), new Set(["silenced", "inhibited"])))).toEqual(["GpuMemoryHigh", "HighLatency"]);
    expect(names(filterAlerts(alerts, parseFilter(""), new Set(["acknowledged"])))).toEqual(["ServiceDown"]);
    expect(names(filterAlerts(alerts, parseFilter(""), new Set(["active", "unacknowledged"])))).toEqual(["AgentLoopDetected", "AlwaysFiring"]);
  });

  it("keeps everything with no filter", () => {
    expect(filterAlerts(alerts, parseFilter("  "), none)).toHaveLength(alerts.length);
  });
});
