import { describe, expect, it } from "vitest";
import { batchedQueries, fetchStatuses, fetchStatusesFromRules, fetchStatusesPreferringRules, retentionFromFlags, type VectorSample } from "./fetch";
import type { SloDefinition } from "./model";

const NOW = new Date("2026-11-21T09:00:00Z");

function slo(id: string, overrides: Partial<SloDefinition> = {}): SloDefinition {
  return {
    id,
    service: "svc",
    name: id,
    description: "",
    objective: 0.99,
    window: { kind: "rolling", days: 30 },
    sli: { kind: "ratio", errors: { metric: "e_total", matchers: "" }, total: { metric: "t_total", matchers: "" } },
    labels: {},
    dashboards: [],
    alerting: { page: true, ticket: true, absent: true },
    source: { file: "x.yaml", format: "vigil/v1" },
    ...overrides,
  };
}

describe("batched queries", () => {
  it("ask one request per range for every SLO together", () => {
    const queries = batchedQueries([slo("a"), slo("b")], NOW);
    expect(queries.map((query) => query.key)).toEqual(["window", "5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
    for (const { expr } of queries) {
      expect(expr.match(/"slo_id", "a"/g)).toHaveLength(2);
      expect(expr.match(/"slo_id", "b"/g)).toHaveLength(2);
    }
    expect(queries[0]?.expr).toContain("[30d]");
  });

  it("sort answers per SLO and group value, and keep silent SLOs as no data", async () => {
    const grouped = slo("g", { groupBy: "model" });
    const requests: string[] = [];
    const answer = async (expr: string): Promise<VectorSample[]> => {
      requests.push(expr);
      return [
        { labels: { slo_id: "g", slo_part: "bad", model: "m1" }, value: 5 },
        { labels: { slo_id: "g", slo_part: "total", model: "m1" }, value: 1000 },
        { labels: { slo_id: "g", slo_part: "bad", model: "m2" }, value: 0 },
        { labels: { slo_id: "g", slo_part: "total", model: "m2" }, value: 2000 },
        { labels: { slo_id: "unknown", slo_part: "total" }, value: 1 },
      ];
    };
    const statuses = await fetchStatuses([grouped, slo("silent")], answer, { now: NOW });
    expect(requests).toHaveLength(8);
    expect(statuses.map((status) => [status.key, status.sli, status.flags])).toEqual([
      ["g:m1", 0.995, []],
      ["g:m2", 1, []],
      ["silent", null, ["no-data"]],
    ]);
    expect(statuses[0]?.errorBudgetRemaining).toBeCloseTo(0.5, 10);
    expect(statuses[0]?.group).toEqual({ label: "model", value: "m1" });
  });

  it("ask nothing for no SLOs", async () => {
    expect(await fetchStatuses([], () => Promise.reject(new Error("no request expected")), { now: NOW })).toEqual([]);
  });
});

describe("retention", () => {
  it("comes from the TSDB retention flag; 0s means unknown", () => {
    expect(retentionFromFlags({ "storage.tsdb.retention.time": "15d" })).toBe(15 * 86_400);
    expect(retentionFromFlags({ "storage.tsdb.retention.time": "0s" })).toBeUndefined();
    expect(retentionFromFlags({})).toBeUndefined();
  });
});

describe("figures from recording rules", () => {
  it("read the recorded ratios and window counts in one request", async () => {
    const requests: string[] = [];
    const statuses = await fetchStatusesFromRules(
      [slo("r", { groupBy: "model" })],
      async (expr) => {
        requests.push(expr);
        const identity = { slo_id: "r", slo_service: "svc", slo_name: "r", model: "m1" };
        return [
          { labels: { __name__: "slo:error_ratio:rate1h", ...identity }, value: 0.2 },
          { labels: { __name__: "slo:error_ratio:rate5m", ...identity }, value: 0.3 },
          { labels: { __name__: "slo:events_bad:window", ...identity, slo_window: "30d" }, value: 50 },
          { labels: { __name__: "slo:events_total:window", ...identity, slo_window: "30d" }, value: 10_000 },
          { labels: { __name__: "slo:objective:ratio", ...identity }, value: 0.99 },
        ];
      },
      { now: NOW },
    );
    expect(requests).toHaveLength(1);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.group).toEqual({ label: "model", value: "m1" });
    expect(statuses[0]?.errorBudgetRemaining).toBeCloseTo(0.5, 10);
    expect(statuses[0]?.burnRates["1h"]).toBeCloseTo(20, 10);
    expect(statuses[0]?.burnRates["5m"]).toBeCloseTo(30, 10);
    expect(statuses[0]?.alerts.page).toBe(true);
    expect(statuses[0]?.burnRates["3d"]).toBeNull();
  });
});

describe("figures preferring recording rules", () => {
  it("use recorded series where they match the definition and batched queries for the rest", async () => {
    const recorded = slo("rec");
    const stale = slo("stale");
    const fresh = slo("fresh");
    const requests: string[] = [];
    const statuses = await fetchStatusesPreferringRules(
      [recorded, stale, fresh],
      async (expr) => {
        requests.push(expr);
        if (expr.startsWith("{__name__")) {
          const id = (slo_id: string) => ({ slo_id, slo_service: "svc", slo_name: slo_id });
          return [
            { labels: { __name__: "slo:objective:ratio", ...id("rec") }, value: 0.99 },
            { labels: { __name__: "slo:events_bad:window", ...id("rec") }, value: 10 },
            { labels: { __name__: "slo:events_total:window", ...id("rec") }, value: 10_000 },
            // Rules generated before the objective changed to 99 %: not trusted.
            { labels: { __name__: "slo:objective:ratio", ...id("stale") }, value: 0.95 },
            { labels: { __name__: "slo:events_total:window", ...id("stale") }, value: 10_000 },
          ];
        }
        return [
          { labels: { slo_id: "stale", slo_part: "total" }, value: 1000 },
          { labels: { slo_id: "fresh", slo_part: "total" }, value: 1000 },
        ];
      },
      { now: NOW },
    );
    expect(statuses.map((status) => [status.id, status.source])).toEqual([
      ["rec", "rules"],
      ["stale", "queries"],
      ["fresh", "queries"],
    ]);
    expect(statuses[0]?.errorBudgetRemaining).toBeCloseTo(0.9, 10);
    // Missing error series where there is traffic: no errors yet, not no data.
    expect(statuses[1]?.sli).toBe(1);
    expect(requests).toHaveLength(9);
    expect(requests.slice(1).every((expr) => !expr.includes('"rec"'))).toBe(true);
  });
});
