import type { Frame } from "./series";

/*
 * Prometheus histograms as heatmap cells: the query returns one series per `le` bucket
 * (cumulative counts or rates); each cell is the difference between a bucket and the one below it.
 */

export interface HeatmapBucket {
  /** The bucket's upper bound as written in `le` ("+Inf" for the last). */
  le: string;
  upper: number;
}

export interface HeatmapData {
  times: number[];
  buckets: HeatmapBucket[];
  /** cells[time][bucket]: the count or rate that fell in the bucket at that time; null where unknown. */
  cells: Array<Array<number | null>>;
  maxCell: number;
}

/** Histogram buckets to heatmap cells; series without `le` are ignored; several series of one `le` are added up. */
export function histogramToHeatmap(frames: readonly Frame[]): HeatmapData {
  const byBucket = new Map<string, Map<number, number>>();
  for (const frame of frames) {
    const le = frame.labels.le;
    if (le === undefined) continue;
    const points = byBucket.get(le) ?? new Map<number, number>();
    for (const [t, value] of frame.points) if (Number.isFinite(value)) points.set(t, (points.get(t) ?? 0) + value);
    byBucket.set(le, points);
  }
  const buckets = [...byBucket.keys()]
    .map((le) => ({ le, upper: le === "+Inf" || le === "Inf" ? Number.POSITIVE_INFINITY : Number(le) }))
    .filter((bucket) => !Number.isNaN(bucket.upper))
    .sort((a, b) => a.upper - b.upper);
  const times = [...new Set([...byBucket.values()].flatMap((points) => [...points.keys()]))].sort((a, b) => a - b);
  let maxCell = 0;
  const cells = times.map((t) => {
    let below = 0;
    return buckets.map((bucket) => {
      const cumulative = byBucket.get(bucket.le)?.get(t);
      if (cumulative === undefined) return null;
      // Counter resets and rate jitter can make a bucket dip under the one below: never negative.
      const cell = Math.max(0, cumulative - below);
      below = Math.max(below, cumulative);
      maxCell = Math.max(maxCell, cell);
      return cell;
    });
  });
  return { times, buckets, cells, maxCell };
}

/** Bucket bounds for the axis: "0.1", "0.25", …, "+Inf". */
export function bucketLabel(bucket: HeatmapBucket, previous: HeatmapBucket | undefined): string {
  return previous ? `${previous.le} – ${bucket.le}` : `≤ ${bucket.le}`;
}
