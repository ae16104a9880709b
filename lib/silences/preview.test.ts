import { describe, expect, it } from "vitest";
import { matcherFromType } from "@/lib/alertmanager/matchers";
import { silenceAlerts } from "./merge";
import { matcherSetKey, previewSilence } from "./preview";
import { recordedAlertsA, recordedAlertsB } from "./silences.fixtures";

const alerts = silenceAlerts([
  { instance: "a", ok: true, data: recordedAlertsA, latencyMs: 1 },
  { instance: "b", ok: true, data: recordedAlertsB, latencyMs: 1 },
]);

describe("previewSilence over the recorded alerts", () => {
  it("finds the alerts an exact matcher mutes", () => {
    const preview = previewSilence([matcherFromType("alertname", "=", "GpuMemoryHigh")], alerts);
    expect(preview.ok && preview.matched.map((alert) => alert.labels.alertname)).toEqual(["GpuMemoryHigh"]);
  });

  it("anchors regexes: inf matches nothing, inf.* the inferno alerts", () => {
    const partial = previewSilence([matcherFromType("service", "=~", "inf")], alerts);
    expect(partial.ok && partial.matched).toEqual([]);
    const full = previewSilence([matcherFromType("service", "=~", "inf.*")], alerts);
    expect(full.ok && full.matched.length).toBeGreaterThan(0);
    expect(full.ok && full.matched.every((alert) => alert.labels.service === "inferno")).toBe(true);
  });

  it("reads a missing label as empty: instance=\"\" mutes the alerts without an instance", () => {
    const preview = previewSilence([matcherFromType("alertname", "=~", ".+"), matcherFromType("instance", "=", "")], alerts);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.matched.length).toBeGreaterThan(0);
    expect(preview.matched.every((alert) => alert.labels.instance === undefined)).toBe(true);
  });

  it("needs every matcher; != and !~ exclude", () => {
    const preview = previewSilence([matcherFromType("service", "=", "inferno"), matcherFromType("severity", "!=", "critical")], alerts);
    expect(preview.ok && preview.matched.every((alert) => alert.labels.severity !== "critical" && alert.labels.service === "inferno")).toBe(true);
    const negated = previewSilence([matcherFromType("alertname", "!~", "High.*|Always.*"), matcherFromType("severity", "=~", ".+")], alerts);
    expect(negated.ok && negated.matched.some((alert) => /^High|^Always/.test(alert.labels.alertname ?? ""))).toBe(false);
  });

  it("previews nothing for a set Alertmanager would refuse, and says why", () => {
    expect(previewSilence([matcherFromType("team", "=~", ".*")], alerts)).toEqual({
      ok: false,
      problems: [{ index: -1, message: "at least one matcher must not match the empty string" }],
    });
    expect(previewSilence([], alerts).ok).toBe(false);
    expect(previewSilence([matcherFromType("a", "=~", "(")], alerts)).toMatchObject({ ok: false, problems: [{ index: 0 }] });
  });
});

describe("matcherSetKey", () => {
  it("ignores order and repeats, and tells operators apart", () => {
    const a = [matcherFromType("a", "=", "1"), matcherFromType("b", "=~", "x.*")];
    const b = [matcherFromType("b", "=~", "x.*"), matcherFromType("a", "=", "1"), matcherFromType("a", "=", "1")];
    expect(matcherSetKey(a)).toBe(matcherSetKey(b));
    expect(matcherSetKey([matcherFromType("a", "=", "1")])).not.toBe(matcherSetKey([matcherFromType("a", "=~", "1")]));
    expect(matcherSetKey([{ name: "a", value: "1", isRegex: false }])).toBe(matcherSetKey([matcherFromType("a", "=", "1")]));
  });
});

describe("alertMatcherIndex", () => {
  it("answers exactly as alertsMatching, with and without an equality matcher to index on", async () => {
    const { alertMatcherIndex, alertsMatching } = await import("./preview");
    const matching = alertMatcherIndex(alerts);
    const sets = [
      [matcherFromType("alertname", "=", "GpuMemoryHigh")],
      [matcherFromType("service", "=", "inferno"), matcherFromType("severity", "!=", "critical")],
      [matcherFromType("service", "=~", "inf.*")],
      [matcherFromType("instance", "=", ""), matcherFromType("alertname", "=~", ".+")],
      [matcherFromType("alertname", "=", "NoSuchAlert")],
    ];
    for (const set of sets) expect(matching(set)).toEqual(alertsMatching(set, alerts));
  });
});
