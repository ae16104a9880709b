import { describe, expect, it } from "vitest";
import { evaluateSlo, rangeFor, statusJson, withHistoryLimits, type Counts, type RangeKey } from "./compute";
import type { SloDefinition } from "./model";

const NOW = new Date("2026-11-21T09:00:00Z");
const DAY = 86_400;

function slo(overrides: Partial<SloDefinition> = {}): SloDefinition {
  return {
    id: "svc--availability",
    service: "svc",
    name: "availability",
    description: "",
    objective: 0.999,
    window: { kind: "rolling", days: 30 },
    sli: { kind: "ratio", errors: { metric: "e_total", matchers: "" }, total: { metric: "t_total", matchers: "" } },
    labels: {},
    dashboards: [],
    alerting: { page: true, ticket: true, absent: true },
    source: { file: "x.yaml", format: "vigil/v1" },
    ...overrides,
  };
}

function every(counts: Counts): Partial<Record<RangeKey, Counts>> {
  return { window: counts, "5m": counts, "30m": counts, "1h": counts, "2h": counts, "6h": counts, "1d": counts, "3d": counts };
}

describe("evaluateSlo", () => {
  it("computes SLI, remaining budget, events left and burn rates from counts", () => {
    // 1,000,000 requests, 400 failed: 40 % of the 1,000-request budget spent.
    const status = evaluateSlo(slo(), { ...every({ bad: 400, total: 1_000_000 }), "1h": { bad: 20, total: 1000 } }, { now: NOW });
    expect(status.sli).toBeCloseTo(0.9996, 10);
    expect(status.errorBudgetRemaining).toBeCloseTo(0.6, 10);
    expect(status.eventsLeft).toBe(600);
    expect(status.burnRates["5m"]).toBeCloseTo(0.4, 10);
    expect(status.burnRates["1h"]).toBeCloseTo(20, 10);
    // 60 % of 30 days at 20x: 0.6 * 30 d / 20 = 0.9 d.
    expect(status.timeToExhaustionSeconds).toBeCloseTo(0.9 * DAY, 3);
    expect(status.flags).toEqual([]);
    expect(status.alerts).toEqual({ page: false, ticket: false });
  });

  it("is no data, never 100 %, when nothing happened or nothing matched", () => {
    for (const counts of [{}, every({ bad: null, total: null }), every({ bad: 0, total: 0 })]) {
      const status = evaluateSlo(slo(), counts, { now: NOW });
      expect(status.sli).toBeNull();
      expect(status.errorBudgetRemaining).toBeNull();
      expect(status.eventsLeft).toBeNull();
      expect(Object.values(status.burnRates).every((rate) => rate === null)).toBe(true);
      expect(status.flags).toEqual(["no-data"]);
      expect(status.alerts).toEqual({ page: false, ticket: false });
    }
  });

  it("flags too few events for the objective", () => {
    const status = evaluateSlo(slo(), every({ bad: 0, total: 5000 }), { now: NOW });
    expect(status.sli).toBe(1);
    expect(status.flags).toEqual(["too-few-events"]);
    expect(evaluateSlo(slo(), every({ bad: 0, total: 10_000 }), { now: NOW }).flags).toEqual([]);
  });

  it("flags a partial window from retention or the oldest sample", () => {
    const counts = every({ bad: 1, total: 1_000_000 });
    expect(evaluateSlo(slo(), counts, { now: NOW, retentionSeconds: 15 * DAY }).flags).toEqual(["partial-window"]);
    expect(evaluateSlo(slo(), counts, { now: NOW, retentionSeconds: 30 * DAY }).flags).toEqual([]);
    const oldest = NOW.getTime() / 1000 - 2 * DAY;
    expect(evaluateSlo(slo(), counts, { now: NOW, oldestSampleSeconds: oldest }).flags).toEqual(["partial-window"]);
  });

  it("lets the budget go below zero and says so in events left", () => {
    const status = evaluateSlo(slo(), every({ bad: 3000, total: 1_000_000 }), { now: NOW });
    expect(status.errorBudgetRemaining).toBeCloseTo(-2, 10);
    expect(status.eventsLeft).toBe(-2000);
    expect(status.timeToExhaustionSeconds).toBe(0);
  });

  it("flags a failed-events query that answered nothing while there is traffic", () => {
    const status = evaluateSlo(slo(), every({ bad: null, total: 100_000 }), { now: NOW });
    expect(status.sli).toBeNull();
    expect(status.flags).toContain("errors-query-empty");
  });

  it("pages on a fast burn over the long and the short window", () => {
    const calm = { bad: 0, total: 100_000 };
    const status = evaluateSlo(slo(), { ...every(calm), "1h": { bad: 150, total: 10_000 }, "5m": { bad: 20, total: 1000 } }, { now: NOW });
    expect(status.alerts).toEqual({ page: true, ticket: false });
    expect(status.conditions.filter((condition) => condition.firing).map((condition) => condition.long)).toEqual(["1h"]);
  });

  it("takes raw error ratios as they are, with no event counts", () => {
    const status = evaluateSlo(slo({ sli: { kind: "raw", errorRatioQuery: "x" } }), every({ bad: null, total: null, ratio: 0.0005 }), { now: NOW });
    expect(status.sli).toBeCloseTo(0.9995, 10);
    expect(status.errorBudgetRemaining).toBeCloseTo(0.5, 10);
    expect(status.eventsLeft).toBeNull();
    expect(status.flags).toEqual([]);
  });

  it("prints the issue's JSON shape", () => {
    const status = evaluateSlo(slo({ groupBy: "model" }), every({ bad: 1, total: 100_000 }), { now: NOW }, { label: "model", value: "m1" });
    expect(Object.keys(statusJson(status))).toEqual([
      "service",
      "slo",
      "group",
      "objective",
      "window",
      "sli",
      "errorBudgetRemaining",
      "eventsLeft",
      "burnRates",
      "alerts",
      "flags",
    ]);
    expect(statusJson(status)).toMatchObject({ group: { model: "m1" }, window: "30d", objective: 0.999 });
    expect(Object.keys(statusJson(status).burnRates)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
  });
});

describe("rangeFor", () => {
  it("reaches back over the rolling window, or to the start of the month", () => {
    expect(rangeFor("window", slo(), NOW)).toBe("30d");
    expect(rangeFor("1h", slo(), NOW)).toBe("1h");
    expect(rangeFor("window", slo({ window: { kind: "calendar-month" } }), NOW)).toBe(`${20 * DAY + 9 * 3600}s`);
  });
});

describe("withHistoryLimits", () => {
  it("adds the partial-window flag once, to the SLOs whose window reaches past the history", () => {
    const week = slo({ id: "w", window: { kind: "rolling", days: 7 } });
    const month = slo({ id: "m" });
    const statuses = [week, month].map((definition) => evaluateSlo(definition, every({ bad: 0, total: 1_000_000 }), { now: NOW }));
    const flagged = withHistoryLimits(statuses, [week, month], { now: NOW, retentionSeconds: 15 * DAY });
    expect(flagged.map((status) => status.flags)).toEqual([[], ["partial-window"]]);
    expect(withHistoryLimits(flagged, [week, month], { now: NOW, retentionSeconds: 15 * DAY })[1]?.flags).toEqual(["partial-window"]);
  });
});
