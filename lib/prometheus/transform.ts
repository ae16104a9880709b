import { matrixToSeries, parseSample, type SeriesPoints } from "./parse-sample-values";
import type { LabelSet, MatrixData, MatrixSeries } from "./types";

/** One line of a chart: `key` is the row field that holds its values. */
export interface ChartSeries {
  key: string;
  name: string;
  labels: LabelSet;
}

/** One timestamp (Unix ms, `t`) with a value or null per series key. */
export type ChartRow = { t: number } & Record<string, number | null>;

export interface ChartData {
  rows: ChartRow[];
  series: ChartSeries[];
}

export interface MatrixToChartOptions {
  /** The query's step in seconds; inferred from the timestamps when left out. */
  stepSeconds?: number;
  /** The query's start and end (Unix seconds): the rows then span the whole range asked for. */
  startSeconds?: number;
  endSeconds?: number;
  /** Above this many rows the grid is not filled in and only timestamps with data get a row. */
  maxRows?: number;
}

const DEFAULT_MAX_ROWS = 20_000;

/** `up{job="api", instance="a:9100"}`: a label set the way Prometheus prints one. */
export function formatLabelSet(labels: LabelSet): string {
  const { __name__: name = "", ...rest } = labels;
  const pairs = Object.entries(rest).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return `${name}{${pairs.join(", ")}}`;
}

/**
 * A series name from a legend format such as "{{service}} p99" (Grafana's syntax); a label
 * the series lacks becomes empty. Without a format, or when it yields nothing, the label set.
 */
export function formatLegend(labels: LabelSet, format?: string): string {
  if (!format) return formatLabelSet(labels);
  const name = format.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, label: string) => labels[label] ?? "");
  return name.trim() === "" ? formatLabelSet(labels) : name;
}

/**
 * Range-query series as Recharts rows: one row per step from the first to the last timestamp,
 * a field per series. A series without a point at a step has null there, so the line breaks
 * instead of dropping to zero or bridging the hole. +Inf, -Inf and NaN cannot be drawn and
 * are null as well.
 */
export function matrixToChart(
  data: MatrixData | readonly MatrixSeries[] | readonly SeriesPoints[],
  legendFormat?: string,
  options: MatrixToChartOptions = {},
): ChartData {
  const seriesPoints = toSeriesPoints(data);
  // Keys are not derived from labels: Recharts reads dots and brackets in a dataKey as a path.
  const series: ChartSeries[] = seriesPoints.map((item, index) => ({
    key: `s${index}`,
    name: formatLegend(item.labels, legendFormat),
    labels: item.labels,
  }));

  const timestamps = [...new Set(seriesPoints.flatMap((item) => item.points.map(([t]) => t)))].sort((a, b) => a - b);
  const stepMs = options.stepSeconds ? Math.round(options.stepSeconds * 1000) : inferStepMs(timestamps);
  // Prometheus evaluates a range query at start + k * step, so the grid starts at `start`.
  const first = stepMs && options.startSeconds !== undefined ? Math.round(options.startSeconds * 1000) : timestamps[0];
  if (first === undefined) return { rows: [], series };
  const last =
    stepMs && options.endSeconds !== undefined ? Math.round(options.endSeconds * 1000) : (timestamps[timestamps.length - 1] ?? first);
  const slots = stepMs ? Math.round((last - first) / stepMs) + 1 : 0;
  const gridStep = stepMs !== undefined && slots <= (options.maxRows ?? DEFAULT_MAX_ROWS) ? stepMs : undefined;

  const emptyRow = (t: number): ChartRow => {
    const row: ChartRow = { t };
    for (const item of series) row[item.key] = null;
    return row;
  };
  let rows: ChartRow[];
  let rowIndex: (t: number) => number;
  if (gridStep !== undefined) {
    rows = Array.from({ length: slots }, (_, index) => emptyRow(first + index * gridStep));
    rowIndex = (t) => Math.round((t - first) / gridStep);
  } else {
    rows = timestamps.map(emptyRow);
    const positions = new Map(timestamps.map((t, index) => [t, index]));
    rowIndex = (t) => positions.get(t) ?? -1;
  }

  seriesPoints.forEach((item, index) => {
    const key = `s${index}`;
    for (const [t, value] of item.points) {
      const row = rows[rowIndex(t)];
      if (row) row[key] = Number.isFinite(value) ? value : null;
    }
  });
  return { rows, series };
}

function toSeriesPoints(data: MatrixData | readonly MatrixSeries[] | readonly SeriesPoints[]): SeriesPoints[] {
  if ("resultType" in data) return matrixToSeries(data.result);
  return data.map((item) => ("points" in item ? item : { labels: item.metric, points: item.values.map(parseSample) }));
}

/** The smallest gap between consecutive timestamps: a range query's step. */
function inferStepMs(sortedTimestamps: readonly number[]): number | undefined {
  let step: number | undefined;
  for (let index = 1; index < sortedTimestamps.length; index += 1) {
    const gap = (sortedTimestamps[index] ?? 0) - (sortedTimestamps[index - 1] ?? 0);
    if (gap > 0 && (step === undefined || gap < step)) step = gap;
  }
  return step;
}
