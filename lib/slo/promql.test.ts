import { describe, expect, it } from "vitest";
import type { SloDefinition } from "./model";
import { batchExpression, eventQueries, presenceQuery, tagged } from "./promql";

const base = { groupBy: undefined };

describe("event queries", () => {
  it("count errors as a sum of per-series increases, filling 0 where there is traffic", () => {
    const queries = eventQueries(
      { ...base, sli: { kind: "ratio", errors: { metric: "req_total", matchers: 'code=~"5.."' }, total: { metric: "req_total", matchers: "" } } },
      "30d",
    );
    expect(queries).toEqual({
      kind: "counts",
      bad: '(sum (increase(req_total{code=~"5.."}[30d])) or sum (increase(req_total[30d])) * 0)',
      total: "sum (increase(req_total[30d]))",
    });
  });

  it("never take the rate of a sum", () => {
    const queries = eventQueries(
      { groupBy: "model", sli: { kind: "ratio", good: { metric: "ok_total", matchers: "" }, total: { metric: "all_total", matchers: 'job="a"' } } },
      "1h",
    );
    if (queries.kind !== "counts") throw new Error("counts expected");
    expect(queries.bad).toBe('(sum by (model) (increase(all_total{job="a"}[1h])) - (sum by (model) (increase(ok_total[1h])) or sum by (model) (increase(all_total{job="a"}[1h])) * 0))');
    expect(`${queries.bad} ${queries.total}`).not.toMatch(/(rate|increase)\(\s*sum/);
  });

  it("read latency from _count and the bucket at the edge, in any spelling", () => {
    const queries = eventQueries({ ...base, sli: { kind: "latency", histogram: { metric: "lat_seconds", matchers: 'job="a"' }, le: "1" } }, "5m");
    expect(queries).toEqual({
      kind: "counts",
      total: 'sum (increase(lat_seconds_count{job="a"}[5m]))',
      bad: '(sum (increase(lat_seconds_count{job="a"}[5m])) - sum (increase(lat_seconds_bucket{job="a", le=~"1(\\\\.0*)?"}[5m])))',
    });
  });

  it("count minutes for boolean SLIs", () => {
    const queries = eventQueries({ ...base, sli: { kind: "bool", expr: "q > bool 0.8" } }, "1d");
    expect(queries).toEqual({
      kind: "counts",
      total: "sum (count_over_time((q > bool 0.8)[1d:1m]))",
      bad: "(sum (count_over_time((q > bool 0.8)[1d:1m])) - sum (sum_over_time((q > bool 0.8)[1d:1m])))",
    });
    const month = eventQueries({ ...base, sli: { kind: "bool", expr: "q > bool 0.8" } }, "30d");
    expect(month.kind === "counts" && month.total).toBe("sum (count_over_time((q > bool 0.8)[30d:5m])) * 5");
  });

  it("turn Sloth's rate queries into counts and keep increase queries as they are", () => {
    const rate = eventQueries({ ...base, sli: { kind: "events", errorQuery: "sum(rate(e[{{.window}}]))", totalQuery: "sum(increase(t[{{.window}}]))" } }, "1h");
    expect(rate).toEqual({ kind: "counts", bad: "(sum(rate(e[1h]))) * 3600", total: "(sum(increase(t[1h])))" });
    const raw = eventQueries({ ...base, sli: { kind: "raw", errorRatioQuery: "x[{{.window}}]" } }, "5m");
    expect(raw).toEqual({ kind: "ratio", ratio: "(x[5m])" });
  });

  it("check presence with the total's own series", () => {
    const slo: Pick<SloDefinition, "sli" | "groupBy"> = { ...base, sli: { kind: "latency", histogram: { metric: "h", matchers: 'job="a"' }, le: "2" } };
    expect(presenceQuery(slo)).toBe('h_count{job="a"}');
  });
});

describe("batching", () => {
  it("tags each part with its SLO and part, escaping the values", () => {
    expect(tagged("up", { slo_id: 'a"b' })).toBe('label_replace(up, "slo_id", "a\\"b", "", "")');
    expect(
      batchExpression([
        { sloId: "a", part: "bad", expr: "x" },
        { sloId: "a", part: "total", expr: "y" },
      ]),
    ).toBe('label_replace(label_replace(x, "slo_id", "a", "", ""), "slo_part", "bad", "", "") or label_replace(label_replace(y, "slo_id", "a", "", ""), "slo_part", "total", "", "")');
  });
});
