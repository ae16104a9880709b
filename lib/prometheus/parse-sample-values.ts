import type { LabelSet, MatrixSeries, QueryData, Sample, VectorSeries } from "./types";

/** [Unix milliseconds, value]. */
export type Point = [timestampMs: number, value: number];

/** One series of a query result with its samples as numbers. */
export interface SeriesPoints {
  labels: LabelSet;
  points: Point[];
}

/**
 * A sample value as Prometheus writes it (Go's strconv.FormatFloat) to a number.
 * `Number()` alone would read "+Inf" as NaN and "" as 0.
 */
export function parseSampleValue(text: string): number {
  switch (text) {
    case "+Inf":
    case "Inf":
      return Number.POSITIVE_INFINITY;
    case "-Inf":
      return Number.NEGATIVE_INFINITY;
    case "NaN":
      return Number.NaN;
  }
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/** A sample as a point; timestamps are fractional seconds, rounded to whole milliseconds. */
export function parseSample([seconds, value]: Sample): Point {
  return [Math.round(seconds * 1000), parseSampleValue(value)];
}

/** Range-query series as labels and numeric points. */
export function matrixToSeries(result: readonly MatrixSeries[]): SeriesPoints[] {
  return result.map((series) => ({ labels: series.metric, points: series.values.map(parseSample) }));
}

/** Instant-vector series as labels and their one numeric point. */
export function vectorToSeries(result: readonly VectorSeries[]): SeriesPoints[] {
  return result.map((series) => ({ labels: series.metric, points: [parseSample(series.value)] }));
}

/** Any query result as series; a scalar is one series without labels, a string has no numbers. */
export function queryDataToSeries(data: QueryData): SeriesPoints[] {
  switch (data.resultType) {
    case "matrix":
      return matrixToSeries(data.result);
    case "vector":
      return vectorToSeries(data.result);
    case "scalar":
      return [{ labels: {}, points: [parseSample(data.result)] }];
    case "string":
      return [];
  }
}
