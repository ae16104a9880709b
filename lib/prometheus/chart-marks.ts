import type { ChartRow } from "./transform";

/*
 * What a line chart can draw. A line needs two neighbouring values: a value with no value on
 * either side (a series' first scrape, a rate() over a fresh target, a sparse recording rule, a
 * histogram_quantile between NaNs) draws nothing as a line, so the chart shows it as a dot.
 */

function present(row: ChartRow | undefined, key: string): boolean {
  const value = row?.[key];
  return typeof value === "number" && Number.isFinite(value);
}

/** Indexes of the rows where series `key` has a value but neither neighbour has one. */
export function isolatedPoints(rows: readonly ChartRow[], key: string): Set<number> {
  const isolated = new Set<number>();
  rows.forEach((row, index) => {
    if (present(row, key) && !present(rows[index - 1], key) && !present(rows[index + 1], key)) isolated.add(index);
  });
  return isolated;
}

/** True when at least one series has at least one finite value: something the chart can show. */
export function hasDrawableValue(rows: readonly ChartRow[], keys: readonly string[]): boolean {
  return rows.some((row) => keys.some((key) => present(row, key)));
}

/**
 * The time axis' extent. One timestamp alone gives a zero-width domain, where a time scale
 * places nothing: widen it by a minute each side so the lone point lands in the middle.
 */
export function timeDomain([min, max]: readonly [number, number]): [number, number] {
  return min === max ? [min - 60_000, max + 60_000] : [min, max];
}
