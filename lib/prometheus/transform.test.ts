import { describe, expect, it } from "vitest";
import { fixtureServer } from "@/lib/http/fake-fetch";
import { formatLabelSet, formatLegend, matrixToChart, type ChartRow } from "./transform";
import { matrixDataSchema, prometheusResponseSchema, type MatrixData } from "./types";

const fixtures = fixtureServer(new URL("./fixtures/", import.meta.url));

function recordedMatrix(name: string): MatrixData {
  const body = prometheusResponseSchema(matrixDataSchema).parse(fixtures.json(name));
  if (body.status !== "success") throw new Error(body.error);
  return body.data;
}

describe("formatLabelSet", () => {
  it("prints a label set the way Prometheus does", () => {
    expect(formatLabelSet({ __name__: "up", instance: "a:9100", job: "api" })).toBe('up{instance="a:9100", job="api"}');
    expect(formatLabelSet({ job: "api" })).toBe('{job="api"}');
    expect(formatLabelSet({})).toBe("{}");
    expect(formatLabelSet({ path: 'say "hi"\\' })).toBe('{path="say \\"hi\\"\\\\"}');
  });
});

describe("formatLegend", () => {
  it("fills {{label}} placeholders, tolerating spaces", () => {
    expect(formatLegend({ service: "inferno", quantile: "0.99" }, "{{service}} p{{ quantile }}")).toBe("inferno p0.99");
  });

  it("leaves a missing label empty and falls back to the label set when nothing is left", () => {
    expect(formatLegend({ job: "api" }, "{{job}} {{pod}}")).toBe("api ");
    expect(formatLegend({ job: "api" }, "{{pod}}")).toBe('{job="api"}');
    expect(formatLegend({ job: "api" })).toBe('{job="api"}');
  });
});

describe("matrixToChart", () => {
  const gaps = recordedMatrix("query-range-gaps.json");
  const upSeries = gaps.result.find((series) => series.metric.__name__ === "up");
  const recorded = new Set(upSeries?.values.map(([seconds]) => seconds * 1000));

  it("names series from the legend format or, without one, the label set", () => {
    const named = matrixToChart(gaps, "{{job}}");
    expect(named.series.map((item) => item.name)).toEqual(["nothing-listens", "prometheus", "relabelled", "prometheus"]);
    expect(named.series.map((item) => item.key)).toEqual(["s0", "s1", "s2", "s3"]);

    const plain = matrixToChart(gaps);
    expect(plain.series[0]?.name).toBe('job:up:sum{job="nothing-listens"}');
  });

  it("has one row per step with a field per series", () => {
    const { rows } = matrixToChart(gaps, "{{job}}", { stepSeconds: 2 });
    const times = rows.map((row) => row.t);
    for (let index = 1; index < times.length; index += 1) expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBe(2000);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(["s0", "s1", "s2", "s3", "t"]);
  });

  it("puts null, not 0, where a series has no point, and keeps real zeros", () => {
    expect(upSeries).toBeDefined();
    const { rows } = matrixToChart(gaps, "{{job}}");
    const missing = rows.filter((row) => !recorded.has(row.t));
    expect(missing.length).toBeGreaterThan(0);
    for (const row of missing) expect(row.s3).toBeNull();
    for (const row of rows.filter((item) => recorded.has(item.t))) expect(row.s3).toBe(1);
    // job:up:sum{job="nothing-listens"} is a real 0 wherever it has a point.
    const zeros = rows.filter((row) => row.s0 !== null);
    expect(zeros).toHaveLength(gaps.result[0]?.values.length ?? -1);
    expect(zeros.every((row) => row.s0 === 0)).toBe(true);
  });

  it("infers the step from the timestamps", () => {
    expect(matrixToChart(gaps).rows).toEqual(matrixToChart(gaps, undefined, { stepSeconds: 2 }).rows);
  });

  it("spans the whole range asked for, aligned on the step from its start", () => {
    const first = Math.min(...gaps.result.flatMap((series) => series.values.map(([seconds]) => seconds)));
    const last = Math.max(...gaps.result.flatMap((series) => series.values.map(([seconds]) => seconds)));
    const { rows } = matrixToChart(gaps, "{{job}}", { stepSeconds: 2, startSeconds: first - 10, endSeconds: last });
    expect(rows[0]?.t).toBe((first - 10) * 1000);
    expect(rows.at(-1)?.t).toBe(last * 1000);
    const hasData = (row: ChartRow | undefined) => Object.entries(row ?? {}).some(([key, value]) => key !== "t" && value !== null);
    expect(rows.slice(0, 5).some(hasData)).toBe(false);
    expect(hasData(rows[5])).toBe(true);
  });

  it("leaves +Inf and NaN out of the lines", () => {
    const { rows, series } = matrixToChart(recordedMatrix("query-range-special-values.json"), "{{case}}");
    expect(series.map((item) => item.name)).toEqual(["not a number", "positive infinity"]);
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.s0 === null && row.s1 === null)).toBe(true);
  });

  it("gives nothing for an empty result", () => {
    expect(matrixToChart({ resultType: "matrix", result: [] })).toEqual({ rows: [], series: [] });
  });

  it("falls back to the timestamps that have data when the grid would be too large", () => {
    const { rows } = matrixToChart(gaps, undefined, { stepSeconds: 0.001, maxRows: 100 });
    const distinct = new Set(gaps.result.flatMap((series) => series.values.map(([seconds]) => seconds)));
    expect(rows).toHaveLength(distinct.size);
  });
});
