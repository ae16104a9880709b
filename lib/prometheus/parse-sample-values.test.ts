import { describe, expect, it } from "vitest";
import { fixtureServer } from "@/lib/http/fake-fetch";
import { matrixToSeries, parseSample, parseSampleValue, queryDataToSeries, vectorToSeries } from "./parse-sample-values";
import { matrixDataSchema, prometheusResponseSchema, queryDataSchema, vectorDataSchema } from "./types";

const fixtures = fixtureServer(new URL("./fixtures/", import.meta.url));

function successData<T>(body: { status: "success"; data: T } | { status: "error"; error: string }): T {
  if (body.status !== "success") throw new Error(body.error);
  return body.data;
}

describe("parseSampleValue", () => {
  it.each([
    ["+Inf", Number.POSITIVE_INFINITY],
    ["-Inf", Number.NEGATIVE_INFINITY],
    ["NaN", Number.NaN],
    ["1", 1],
    ["0.001", 0.001],
    ["1e+00", 1],
    ["-2.5e-07", -2.5e-7],
    ["-0", -0],
    ["", Number.NaN],
  ])("reads %j as %d", (text, expected) => {
    expect(parseSampleValue(text)).toBe(expected);
  });
});

describe("parseSample", () => {
  it("turns fractional Unix seconds into whole milliseconds", () => {
    expect(parseSample([1795237487.123, "42"])).toEqual([1795237487123, 42]);
    expect(parseSample([1795237487.1, "+Inf"])).toEqual([1795237487100, Number.POSITIVE_INFINITY]);
  });
});

describe("series helpers on recorded answers", () => {
  it("reads a vector with +Inf, -Inf and NaN", () => {
    const data = successData(prometheusResponseSchema(vectorDataSchema).parse(fixtures.json("query-vector-special-values.json")));
    const series = vectorToSeries(data.result);
    expect(series.map((item) => [item.labels.case, item.points[0]?.[1]])).toEqual([
      ["positive infinity", Number.POSITIVE_INFINITY],
      ["negative infinity", Number.NEGATIVE_INFINITY],
      ["not a number", Number.NaN],
      ["small", 0.001],
    ]);
    expect(series[0]?.points[0]?.[0]).toBe(data.result[0] ? data.result[0].value[0] * 1000 : undefined);
  });

  it("reads a matrix into labels and points", () => {
    const data = successData(prometheusResponseSchema(matrixDataSchema).parse(fixtures.json("query-range-special-values.json")));
    const series = matrixToSeries(data.result);
    expect(series.map((item) => item.labels.case)).toEqual(["not a number", "positive infinity"]);
    for (const item of series) expect(item.points).toHaveLength(3);
    expect(series[1]?.points.every(([, value]) => value === Number.POSITIVE_INFINITY)).toBe(true);
    expect(series[0]?.points.every(([, value]) => Number.isNaN(value))).toBe(true);
  });

  it("reads any result type", () => {
    const scalar = successData(prometheusResponseSchema(queryDataSchema).parse(fixtures.json("query-scalar.json")));
    expect(queryDataToSeries(scalar)).toEqual([{ labels: {}, points: [[expect.any(Number), 1]] }]);

    const text = successData(prometheusResponseSchema(queryDataSchema).parse(fixtures.json("query-string.json")));
    expect(queryDataToSeries(text)).toEqual([]);

    const vector = successData(prometheusResponseSchema(queryDataSchema).parse(fixtures.json("query-vector.json")));
    expect(queryDataToSeries(vector).map((item) => item.labels.job).sort()).toEqual(["nothing-listens", "prometheus", "relabelled"]);
  });
});
