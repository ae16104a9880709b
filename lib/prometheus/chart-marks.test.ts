import { describe, expect, it } from "vitest";
import { hasDrawableValue, isolatedPoints, timeDomain } from "./chart-marks";
import { matrixToChart } from "./transform";

describe("isolatedPoints", () => {
  it("finds a value with no value on either side, at the edges too", () => {
    const rows = [
      { t: 0, s0: 1, s1: 5 },
      { t: 60, s0: null, s1: 6 },
      { t: 120, s0: 2, s1: null },
      { t: 180, s0: 3, s1: null },
      { t: 240, s0: null, s1: 7 },
    ];
    expect([...isolatedPoints(rows, "s0")]).toEqual([0]);
    expect([...isolatedPoints(rows, "s1")]).toEqual([4]);
  });

  it("treats NaN and infinities as missing, as the chart does", () => {
    const rows = [
      { t: 0, s0: Number.NaN },
      { t: 60, s0: 1 },
      { t: 120, s0: Number.POSITIVE_INFINITY },
    ];
    expect([...isolatedPoints(rows, "s0")]).toEqual([1]);
  });

  it("makes a series' single sample (a fresh rate() or recording rule) a point", () => {
    const chart = matrixToChart({ resultType: "matrix", result: [{ metric: { job: "a" }, values: [[1_700_000_000, "2.5"]] }] }, undefined, { stepSeconds: 60 });
    expect(chart.rows).toHaveLength(1);
    expect([...isolatedPoints(chart.rows, "s0")]).toEqual([0]);
  });

  it("finds none in a continuous line", () => {
    expect(isolatedPoints([{ t: 0, s0: 1 }, { t: 60, s0: 2 }], "s0").size).toBe(0);
  });
});

describe("hasDrawableValue", () => {
  it("is false when every value is null or NaN (histogram_quantile over no traffic)", () => {
    const chart = matrixToChart(
      { resultType: "matrix", result: [{ metric: { model: "m" }, values: [[1_700_000_000, "NaN"], [1_700_000_060, "NaN"]] }] },
      undefined,
      { stepSeconds: 60 },
    );
    expect(chart.series).toHaveLength(1);
    expect(hasDrawableValue(chart.rows, chart.series.map((series) => series.key))).toBe(false);
  });

  it("is true with one finite value", () => {
    expect(hasDrawableValue([{ t: 0, s0: null, s1: 0 }], ["s0", "s1"])).toBe(true);
  });
});

describe("timeDomain", () => {
  it("widens a single timestamp by a minute each side", () => {
    expect(timeDomain([120_000, 120_000])).toEqual([60_000, 180_000]);
  });

  it("keeps a real range", () => {
    expect(timeDomain([0, 60_000])).toEqual([0, 60_000]);
  });
});
