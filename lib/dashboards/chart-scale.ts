/*
 * Axis arithmetic for the canvas charts: value ranges, "nice" value ticks, time ticks on round
 * boundaries, and pixel mapping. Pure, so the charts stay thin and this stays tested.
 */

export interface ValueRange {
  min: number;
  max: number;
}

/** The extent of every non-null value, widened to include zero for bars and filled areas, and fixed ends when set. */
export function valueRange(
  series: ReadonlyArray<ReadonlyArray<number | null>>,
  { includeZero = false, min, max }: { includeZero?: boolean; min?: number; max?: number } = {},
): ValueRange {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const values of series) {
    for (const value of values) {
      if (value === null || !Number.isFinite(value)) continue;
      if (value < low) low = value;
      if (value > high) high = value;
    }
  }
  if (low === Number.POSITIVE_INFINITY) {
    low = 0;
    high = 1;
  }
  if (includeZero) {
    low = Math.min(low, 0);
    high = Math.max(high, 0);
  }
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    low -= low === 0 ? 0 : pad;
    high += pad;
  }
  return { min: min ?? low, max: max ?? high };
}

/** Round tick values (1, 2, 2.5 or 5 × 10^n apart) covering the range; the range is widened to whole ticks. */
export function niceTicks(range: ValueRange, count: number, { fixedMin = false, fixedMax = false } = {}): { ticks: number[]; min: number; max: number } {
  const span = range.max - range.min;
  if (!(span > 0) || !Number.isFinite(span)) return { ticks: [range.min], min: range.min, max: range.max };
  const rough = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  const min = fixedMin ? range.min : Math.floor(range.min / step) * step;
  const max = fixedMax ? range.max : Math.ceil(range.max / step) * step;
  const ticks: number[] = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { ticks, min, max };
}

const TIME_STEPS_MS = [1, 2, 5, 10, 15, 30].map((s) => s * 1000).concat([1, 2, 5, 10, 15, 30].map((m) => m * 60_000), [1, 2, 3, 6, 12].map((h) => h * 3600_000), [1, 2, 7, 14, 30].map((d) => d * 86_400_000));

/** Time ticks on round boundaries (in UTC or the given zone offset), about `count` of them. */
export function timeTicks(fromMs: number, toMs: number, count: number, offsetMinutes = 0): number[] {
  const span = toMs - fromMs;
  if (!(span > 0)) return [];
  const rough = span / Math.max(1, count);
  const step = TIME_STEPS_MS.find((candidate) => candidate >= rough) ?? TIME_STEPS_MS[TIME_STEPS_MS.length - 1] ?? 86_400_000;
  const offset = offsetMinutes * 60_000;
  const ticks: number[] = [];
  for (let tick = Math.ceil((fromMs + offset) / step) * step - offset; tick <= toMs; tick += step) ticks.push(tick);
  return ticks;
}

/** A time tick's label: seconds, minutes, or the date, depending on the span shown. */
export function timeTickLabel(ms: number, spanMs: number, timeZone: "browser" | "utc"): string {
  const date = new Date(ms);
  const utc = timeZone === "utc";
  const pad = (value: number) => String(value).padStart(2, "0");
  const hours = utc ? date.getUTCHours() : date.getHours();
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const seconds = utc ? date.getUTCSeconds() : date.getSeconds();
  const day = utc ? date.getUTCDate() : date.getDate();
  const month = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  if (spanMs > 3 * 86_400_000) return `${pad(month)}/${pad(day)}`;
  if (spanMs > 86_400_000 && hours === 0 && minutes === 0) return `${pad(month)}/${pad(day)}`;
  if (spanMs <= 5 * 60_000) return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** The index of the timestamp nearest to `t` in a sorted list; -1 for an empty list. */
export function nearestIndex(times: readonly number[], t: number): number {
  if (times.length === 0) return -1;
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? 0) < t) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && Math.abs((times[low - 1] ?? 0) - t) <= Math.abs((times[low] ?? 0) - t)) return low - 1;
  return low;
}
