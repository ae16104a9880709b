import { describe, expect, it } from "vitest";
import { cellAt, heatmapLayout, heatmapPixels } from "./draw-heatmap";
import { buildHeatmap, heatColor } from "./heatmap";
import { chooseHeatmapStep } from "./queries";

const util = (name: string, labels: Record<string, string>, points: Array<[number, number]>) => ({ labels: { __name__: name, ...labels }, points });

describe("buildHeatmap", () => {
  it("puts each GPU on one row of a regular grid, DCGM utilisation first, then engine activity, then gpu_util_pct", () => {
    const heatmap = buildHeatmap(
      [
        util("DCGM_FI_DEV_GPU_UTIL", { Hostname: "n1", gpu: "0", modelName: "H100" }, [[1000_000, 40], [1060_000, 55.55]]),
        util("gpu_util_pct", { node: "n1", gpu: "0" }, [[1000_000, 1]]),
        util("gpu_util_pct", { node: "n1", gpu: "1" }, [[1000_000, 70]]),
        util("gpu_util_pct", { node: "n2", gpu: "0" }, [[1120_000, 12]]),
      ],
      [{ labels: { Hostname: "n1", gpu: "1", modelName: "A100" }, points: [[1000_000, 33]] }],
      1000,
      1120,
      60,
    );
    expect(heatmap.columns).toBe(3);
    expect(heatmap.gpus).toEqual([
      { key: "n1/0", node: "n1", gpu: "0", modelName: "H100" },
      { key: "n1/1", node: "n1", gpu: "1", modelName: "A100" },
      { key: "n2/0", node: "n2", gpu: "0", modelName: null },
    ]);
    expect(heatmap.rows).toEqual([
      [40, 55.6, null],
      [33, null, null],
      [null, null, 12],
    ]);
  });

  it("ignores per-slice series and samples outside the window", () => {
    const heatmap = buildHeatmap(
      [util("DCGM_FI_DEV_GPU_UTIL", { Hostname: "n1", gpu: "0", GPU_I_ID: "1" }, [[1000_000, 40]]), util("DCGM_FI_DEV_GPU_UTIL", { Hostname: "n1", gpu: "1" }, [[5000_000, 40]])],
      [],
      1000,
      1060,
      60,
    );
    expect(heatmap.gpus.map((gpu) => gpu.key)).toEqual(["n1/1"]);
    expect(heatmap.rows).toEqual([[null, null]]);
  });
});

describe("heatColor", () => {
  it("runs from dark blue at 0 to red at 100 and clamps", () => {
    expect(heatColor(0)).toEqual([15, 23, 42]);
    expect(heatColor(-5)).toEqual([15, 23, 42]);
    expect(heatColor(100)).toEqual([190, 18, 60]);
    expect(heatColor(95)).toEqual([239, 68, 68]);
    expect(heatColor(75)).toEqual([234, 179, 8]);
  });
});

describe("heatmap drawing", () => {
  it("writes one opaque pixel per cell and leaves missing cells transparent", () => {
    const pixels = heatmapPixels({ columns: 2, rows: [[0, null], [100, 75]] });
    expect([...pixels]).toEqual([15, 23, 42, 255, 0, 0, 0, 0, 190, 18, 60, 255, 234, 179, 8, 255]);
  });

  it("fits 256 GPUs in thin unlabelled rows and finds the cell under the pointer", () => {
    const gpus = Array.from({ length: 256 }, (_, index) => ({ key: `n/${index}`, node: "n", gpu: String(index), modelName: null }));
    const layout = heatmapLayout({ columns: 360, gpus }, 1080);
    expect(layout).toMatchObject({ rowHeight: 2, labelWidth: 0, cellWidth: 3, height: 512 + 18 });
    expect(cellAt(layout, { columns: 360, gpus }, 4, 5)).toEqual({ row: 2, column: 1 });
    expect(cellAt(layout, { columns: 360, gpus }, 4, 600)).toBeUndefined();
    const few = heatmapLayout({ columns: 10, gpus: gpus.slice(0, 10) }, 1150);
    expect(few).toMatchObject({ rowHeight: 14, labelWidth: 150, cellWidth: 100 });
    expect(cellAt(few, { columns: 10, gpus: gpus.slice(0, 10) }, 100, 5)).toBeUndefined();
  });

  it("chooses about 360 columns, never steps under 15 s", () => {
    expect(chooseHeatmapStep(3600)).toBe(15);
    expect(chooseHeatmapStep(6 * 3600)).toBe(60);
    expect(chooseHeatmapStep(24 * 3600)).toBe(300);
  });
});
