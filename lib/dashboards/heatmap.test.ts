import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { queryDataSchema } from "@/lib/prometheus/types";
import { bucketLabel, histogramToHeatmap } from "./heatmap";
import { buildFrames } from "./series";

const body: unknown = JSON.parse(readFileSync(path.join(__dirname, "fixtures", "histogram-range.json"), "utf8"));
const data = typeof body === "object" && body !== null && "data" in body ? queryDataSchema.parse(body.data) : undefined;

describe("histogramToHeatmap", () => {
  it("sorts buckets numerically with +Inf last and de-cumulates them", () => {
    if (!data) throw new Error("fixture");
    const heatmap = histogramToHeatmap(buildFrames([{ refId: "A", legendFormat: "{{le}}", data }], { defaults: {}, overrides: [] }));
    const uppers = heatmap.buckets.map((bucket) => bucket.upper);
    expect(uppers).toEqual([...uppers].sort((a, b) => a - b));
    expect(heatmap.buckets[heatmap.buckets.length - 1]?.le).toBe("+Inf");
    expect(heatmap.times).toHaveLength(5);
    const [first] = heatmap.cells;
    if (!first || data.resultType !== "matrix") throw new Error("no cells");
    // The cells of one time add up to the +Inf bucket: every observation lands in exactly one cell.
    const total = first.reduce<number>((sum, cell) => sum + (cell ?? 0), 0);
    const inf = data.result.find((series) => series.metric.le === "+Inf")?.values[0]?.[1];
    expect(total).toBeCloseTo(Number(inf), 9);
    expect(first.every((cell) => cell === null || cell >= 0)).toBe(true);
    expect(heatmap.maxCell).toBeGreaterThan(0);
  });

  it("never produces negative cells when a bucket dips below the one under it", () => {
    const heatmap = histogramToHeatmap([
      { refId: "A", name: "1", labels: { le: "1" }, points: [[0, 5]], settings: {} },
      { refId: "A", name: "2", labels: { le: "2" }, points: [[0, 4]], settings: {} },
      { refId: "A", name: "x", labels: {}, points: [[0, 100]], settings: {} },
    ]);
    expect(heatmap.cells).toEqual([[5, 0]]);
  });

  it("labels buckets by their bounds", () => {
    expect(bucketLabel({ le: "0.5", upper: 0.5 }, { le: "0.25", upper: 0.25 })).toBe("0.25 – 0.5");
    expect(bucketLabel({ le: "0.25", upper: 0.25 }, undefined)).toBe("≤ 0.25");
  });
});
