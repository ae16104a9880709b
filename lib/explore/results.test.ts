import { describe, expect, it } from "vitest";
import { exploreHref, instantRows, parseExploreParams, parseStepInput, queryWindow } from "./results";

describe("queryWindow", () => {
  it("ends on the step grid and spans the range", () => {
    expect(queryWindow({ range: "1h", end: undefined, step: 60 }, 1_700_000_030, 1000)).toEqual({ start: 1_699_996_380, end: 1_699_999_980, step: 60 });
  });

  it("chooses the step from the width when the URL has none", () => {
    const window = queryWindow({ range: "6h", end: 1_700_000_000, step: undefined }, 0, 1000);
    expect(window.step).toBe(30);
    expect(window.end - window.start).toBe(21_600);
  });

  it("never asks for more than Prometheus's 11,000 points", () => {
    const window = queryWindow({ range: "7d", end: 1_700_000_000, step: undefined }, 0, 50_000);
    expect((window.end - window.start) / window.step).toBeLessThanOrEqual(11_000);
  });
});

describe("instantRows", () => {
  it("vector, matrix, scalar and string results", () => {
    expect(instantRows({ resultType: "vector", result: [{ metric: { __name__: "up", job: "api" }, value: [1, "1"] }] })).toEqual([{ key: "v0", series: 'up{job="api"}', value: "1" }]);
    expect(instantRows({ resultType: "matrix", result: [{ metric: { job: "a" }, values: [[1, "+Inf"], [2, "NaN"]] }] })).toEqual([{ key: "m0", series: '{job="a"}', value: "+Inf @1\nNaN @2" }]);
    expect(instantRows({ resultType: "scalar", result: [1, "3.5"] })).toEqual([{ key: "scalar", series: "scalar", value: "3.5" }]);
    expect(instantRows({ resultType: "string", result: [1, "hi"] })).toEqual([{ key: "string", series: "string", value: "hi" }]);
  });
});

describe("URL state", () => {
  it("round-trips through exploreHref and parseExploreParams", () => {
    const href = exploreHref('sum(rate(x{job="a b"}[5m]))', { range: "6h", end: 1_700_000_000, step: 30, tab: "table" });
    const parsed = parseExploreParams(new URL(href, "http://x").searchParams);
    expect(parsed).toEqual({ expr: 'sum(rate(x{job="a b"}[5m]))', range: "6h", end: 1_700_000_000, step: 30, tab: "table" });
  });

  it("falls back to defaults for values that do not parse", () => {
    expect(parseExploreParams({ expr: "up", range: "13m", end: "soon", step: "-1", tab: "pie" })).toEqual({ expr: "up", range: "1h", end: undefined, step: undefined, tab: "graph" });
    expect(parseExploreParams({})).toEqual({ expr: "", range: "1h", end: undefined, step: undefined, tab: "graph" });
  });

  it("reads a typed step", () => {
    expect(parseStepInput("")).toBeUndefined();
    expect(parseStepInput("30s")).toBe(30);
    expect(parseStepInput("2m")).toBe(120);
    expect(parseStepInput("15")).toBe(15);
    expect(parseStepInput("fast")).toBe("invalid");
    expect(parseStepInput("0")).toBe("invalid");
  });
});
