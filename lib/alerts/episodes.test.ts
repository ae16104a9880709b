import { describe, expect, it } from "vitest";
import { alertFingerprint } from "./fingerprint";
import { episodesFromAlertsSeries, overlaps, planPoll } from "./episodes";

describe("episodesFromAlertsSeries", () => {
  const metric = { __name__: "ALERTS", alertname: "ServiceDown", alertstate: "firing", service: "inferno" };

  it("splits a series at gaps longer than the limit, keeping the last run open when it reaches the end", () => {
    const values: Array<[number, string]> = [
      [1000, "1"],
      [1060, "1"],
      [1120, "1"],
      [2000, "1"],
      [2060, "1"],
    ];
    const episodes = episodesFromAlertsSeries([{ metric, values }], 120, 2100);
    expect(episodes).toHaveLength(2);
    expect(episodes[0]).toMatchObject({ alertName: "ServiceDown", startsAt: new Date(1_000_000), resolvedAt: new Date(1_120_000) });
    expect(episodes[1]).toMatchObject({ startsAt: new Date(2_000_000), resolvedAt: null });
    expect(episodes[0]?.labels).toEqual({ alertname: "ServiceDown", service: "inferno" });
    expect(episodes[0]?.fingerprint).toBe(alertFingerprint({ alertname: "ServiceDown", service: "inferno" }));
  });

  it("ignores pending series", () => {
    expect(episodesFromAlertsSeries([{ metric: { ...metric, alertstate: "pending" }, values: [[1, "1"]] }], 60, 10)).toEqual([]);
  });
});

describe("overlaps", () => {
  const at = (seconds: number) => new Date(seconds * 1000);
  it("treats an open end as reaching now", () => {
    expect(overlaps({ startsAt: at(0), resolvedAt: at(10) }, { startsAt: at(5), resolvedAt: null })).toBe(true);
    expect(overlaps({ startsAt: at(0), resolvedAt: at(10) }, { startsAt: at(20), resolvedAt: at(30) })).toBe(false);
    expect(overlaps({ startsAt: at(0), resolvedAt: at(10) }, { startsAt: at(20), resolvedAt: at(30) }, 15_000)).toBe(true);
  });
});

describe("planPoll", () => {
  const t0 = new Date("2026-11-20T10:00:00Z");
  const t1 = new Date("2026-11-20T11:00:00Z");
  const episode = (id: string, fingerprint: string, startsAt: Date, extra: Partial<{ resolvedAt: Date; silencedAt: Date; source: string }> = {}) => ({
    id,
    fingerprint,
    startsAt,
    source: extra.source ?? "alertmanager",
    silencedAt: extra.silencedAt ?? null,
    resolvedAt: extra.resolvedAt ?? null,
  });

  it("inserts new alerts, leaves firing ones, resolves gone ones only when every instance answered", () => {
    const known = [episode("a", "aaaa", t0), episode("b", "bbbb", t0)];
    const polled = [{ fingerprint: "aaaa", startsAt: t0, silenced: false }, { fingerprint: "cccc", startsAt: t1, silenced: false }];
    expect(planPoll(polled, known, true)).toEqual({ insert: [polled[1]], reopen: [], silence: [], resolve: ["b"] });
    expect(planPoll(polled, known, false).resolve).toEqual([]);
  });

  it("reopens a resolved episode whose alert fires again with the same startsAt (a blip), once", () => {
    const known = [episode("a", "aaaa", t0, { resolvedAt: new Date("2026-11-20T10:30:00Z") })];
    const polled = [{ fingerprint: "aaaa", startsAt: t0, silenced: true }];
    expect(planPoll(polled, known, true)).toEqual({ insert: [], reopen: ["a"], silence: ["a"], resolve: [] });
    // The next poll, with the episode open again: nothing to do.
    expect(planPoll(polled, [episode("a", "aaaa", t0, { silencedAt: t1 })], true)).toEqual({ insert: [], reopen: [], silence: [], resolve: [] });
  });

  it("starts a new episode when the alert fires again with a new startsAt, however short the gap", () => {
    const known = [episode("a", "aaaa", t0, { resolvedAt: new Date(t1.getTime() - 1000) })];
    const polled = [{ fingerprint: "aaaa", startsAt: t1, silenced: false }];
    expect(planPoll(polled, known, true)).toEqual({ insert: polled, reopen: [], silence: [], resolve: [] });
    // While the old episode was still open when it re-fired (a missed poll): it resolves, the new one starts.
    expect(planPoll(polled, [episode("a", "aaaa", t0)], true)).toEqual({ insert: polled, reopen: [], silence: [], resolve: ["a"] });
  });

  it("keeps a backfilled episode open while its fingerprint fires under Alertmanager's own startsAt", () => {
    const known = [episode("p", "aaaa", t0, { source: "prometheus" })];
    const polled = [{ fingerprint: "aaaa", startsAt: t1, silenced: false }];
    expect(planPoll(polled, known, true)).toEqual({ insert: polled, reopen: [], silence: [], resolve: [] });
  });
});
