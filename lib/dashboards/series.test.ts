import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { queryDataSchema } from "@/lib/prometheus/types";
import { alignFrames, buildFrames, cssColor, reduce, resolveSettings, stackValues, thresholdColor } from "./series";
import type { FieldConfig } from "./schema";

function fixture(name: string) {
  const body: unknown = JSON.parse(readFileSync(path.join(__dirname, "fixtures", name), "utf8"));
  if (typeof body !== "object" || body === null || !("data" in body)) throw new Error("not an envelope");
  return queryDataSchema.parse(body.data);
}

const empty: FieldConfig = { defaults: {}, overrides: [] };

describe("buildFrames", () => {
  it("names series by legend format", () => {
    const frames = buildFrames([{ refId: "A", legendFormat: "{{instance}} models", data: fixture("models-instant.json") }], empty);
    expect(frames.map((frame) => frame.name)).toEqual(["inferno-0 models", "inferno-1 models", "inferno-2 models"]);
    expect(frames[0]?.points[0]?.[1]).toBe(3);
  });

  it("falls back to the label set without a legend format", () => {
    const frames = buildFrames([{ refId: "A", data: fixture("requests-range.json") }], empty);
    expect(frames[0]?.name).toBe('{job="counterfactual-lab"}');
    expect(frames[0]?.points).toHaveLength(3);
  });

  it("applies overrides by name and regex, later ones winning, and hides series", () => {
    const config: FieldConfig = {
      defaults: { unit: "short", decimals: 1 },
      overrides: [
        { matcher: { type: "byRegexp", value: "inferno-.*" }, properties: { unit: "bytes", color: "red" } },
        { matcher: { type: "byName", value: "inferno-1" }, properties: { unit: "s" } },
        { matcher: { type: "byName", value: "inferno-2" }, properties: { hidden: true } },
      ],
    };
    const frames = buildFrames([{ refId: "A", legendFormat: "{{instance}}", data: fixture("models-instant.json") }], config);
    expect(frames.map((frame) => [frame.name, frame.settings.unit, frame.settings.decimals, frame.settings.color])).toEqual([
      ["inferno-0", "bytes", 1, "red"],
      ["inferno-1", "s", 1, "red"],
    ]);
    expect(resolveSettings("x", { defaults: {}, overrides: [{ matcher: { type: "byRegexp", value: "/X/i" }, properties: { unit: "ms" } }] }).unit).toBe("ms");
  });
});

describe("reduce", () => {
  const points: Array<[number, number]> = [
    [1, 2],
    [2, Number.NaN],
    [3, 6],
    [4, Number.NaN],
  ];
  it("computes Grafana's reducers, skipping NaN", () => {
    expect(reduce(points, "last")).toBeNull();
    expect(reduce(points, "lastNotNull")).toBe(6);
    expect(reduce(points, "first")).toBe(2);
    expect(reduce(points, "mean")).toBe(4);
    expect(reduce(points, "min")).toBe(2);
    expect(reduce(points, "max")).toBe(6);
    expect(reduce(points, "sum")).toBe(8);
    expect(reduce(points, "count")).toBe(2);
    expect(reduce([], "mean")).toBeNull();
  });
});

describe("thresholds and colours", () => {
  const thresholds = { mode: "absolute" as const, steps: [{ value: null, color: "green" }, { value: 80, color: "orange" }, { value: 90, color: "#ff0000" }] };
  it("picks the highest step reached", () => {
    expect(thresholdColor(10, thresholds)).toBe(cssColor("green"));
    expect(thresholdColor(85, thresholds)).toBe(cssColor("orange"));
    expect(thresholdColor(95, thresholds)).toBe("#ff0000");
    expect(thresholdColor(null, thresholds)).toBeUndefined();
  });
  it("reads percentage thresholds against min and max", () => {
    expect(thresholdColor(0.85, { ...thresholds, mode: "percentage" }, 0, 1)).toBe(cssColor("orange"));
  });
});

describe("alignment and stacking", () => {
  const frames = buildFrames(
    [
      { refId: "A", data: { resultType: "matrix", result: [{ metric: { a: "1" }, values: [[1, "1"], [2, "2"]] }] } },
      { refId: "B", data: { resultType: "matrix", result: [{ metric: { a: "2" }, values: [[2, "3"], [3, "4"]] }] } },
    ],
    empty,
  );
  it("puts series on one time axis with nulls for gaps", () => {
    expect(alignFrames(frames)).toEqual({ times: [1000, 2000, 3000], values: [[1, 2, null], [null, 3, 4]] });
  });
  it("stacks cumulatively and as percentages", () => {
    const { values } = alignFrames(frames);
    expect(stackValues(values, "normal")).toEqual([[1, 2, null], [null, 5, 4]]);
    expect(stackValues(values, "percent")).toEqual([[100, 40, 0], [100, 100, 100]]);
  });
});
