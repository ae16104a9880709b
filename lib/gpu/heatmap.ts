import type { SeriesPoints } from "@/lib/prometheus/parse-sample-values";
import { gpuIndexOf, gpuKey, gpuModelOf, migSliceOf, namePriority, nodeOf } from "./naming";

/** GPU × time utilisation, one row per GPU on a regular time grid; null where there is no sample. */
export interface Heatmap {
  /** Unix seconds of the first column. */
  start: number;
  step: number;
  columns: number;
  gpus: Array<{ key: string; node: string; gpu: string; modelName: string | null }>;
  /** rows[i][j]: GPU i at start + j × step, percent 0-100 (one decimal) or null. */
  rows: Array<Array<number | null>>;
}

interface Candidate {
  priority: number;
  labels: SeriesPoints["labels"];
  points: SeriesPoints["points"];
}

/**
 * Builds the heatmap from two range queries: the utilisation family (DCGM_FI_DEV_GPU_UTIL,
 * dcgm_gpu_utilization, gpu_util_pct, with __name__ kept) and the mean graphics-engine activity per
 * GPU in percent (for MIG GPUs, which have no DCGM_FI_DEV_GPU_UTIL). Per GPU the DCGM utilisation wins,
 * then engine activity, then the platform's gpu_util_pct.
 */
export function buildHeatmap(util: readonly SeriesPoints[], engine: readonly SeriesPoints[], start: number, end: number, step: number): Heatmap {
  const best = new Map<string, Candidate>();
  const offer = (key: string, candidate: Candidate) => {
    const current = best.get(key);
    if (!current || candidate.priority < current.priority) best.set(key, candidate);
  };
  for (const series of util) {
    if (migSliceOf(series.labels)) continue;
    const priority = namePriority("util", series.labels);
    if (priority < 0) continue;
    // gpu_util_pct (the platform's) ranks below engine activity.
    offer(gpuKey(series.labels), { priority: series.labels.__name__ === "gpu_util_pct" ? 10 : priority, labels: series.labels, points: series.points });
  }
  for (const series of engine) offer(gpuKey(series.labels), { priority: 5, labels: series.labels, points: series.points });

  const columns = Math.max(0, Math.floor((end - start) / step) + 1);
  const entries = [...best].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }));
  const labelsFor = new Map<string, SeriesPoints["labels"]>();
  // Model names come from whichever DCGM series carries them.
  for (const series of [...util, ...engine]) {
    const key = gpuKey(series.labels);
    if (gpuModelOf(series.labels) && !labelsFor.has(key)) labelsFor.set(key, series.labels);
  }
  return {
    start,
    step,
    columns,
    gpus: entries.map(([key, { labels }]) => ({
      key,
      node: nodeOf(labels),
      gpu: gpuIndexOf(labels),
      modelName: gpuModelOf(labelsFor.get(key) ?? labels) ?? null,
    })),
    rows: entries.map(([, { points }]) => {
      const row: Array<number | null> = new Array<number | null>(columns).fill(null);
      for (const [ms, value] of points) {
        const column = Math.round((ms / 1000 - start) / step);
        if (column >= 0 && column < columns && Number.isFinite(value)) row[column] = Math.round(value * 10) / 10;
      }
      return row;
    }),
  };
}

/**
 * Colour of a utilisation cell: dark blue for idle through teal and yellow to red when saturated,
 * as [r, g, b]. Cells without data are drawn separately (transparent).
 */
export function heatColor(pct: number): [number, number, number] {
  const stops: Array<[number, [number, number, number]]> = [
    [0, [15, 23, 42]],
    [5, [30, 58, 138]],
    [40, [13, 148, 136]],
    [75, [234, 179, 8]],
    [95, [239, 68, 68]],
    [100, [190, 18, 60]],
  ];
  const value = Math.min(100, Math.max(0, pct));
  for (let index = 1; index < stops.length; index += 1) {
    const [upper, high] = stops[index] ?? [100, [190, 18, 60]];
    const [lower, low] = stops[index - 1] ?? [0, [15, 23, 42]];
    if (value <= upper) {
      const f = upper === lower ? 0 : (value - lower) / (upper - lower);
      return [Math.round(low[0] + (high[0] - low[0]) * f), Math.round(low[1] + (high[1] - low[1]) * f), Math.round(low[2] + (high[2] - low[2]) * f)];
    }
  }
  return [190, 18, 60];
}
