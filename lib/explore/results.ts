import { chooseStep } from "@/lib/prometheus/step";
import { formatLabelSet } from "@/lib/prometheus/transform";
import type { QueryData } from "@/lib/prometheus/types";
import { parseDuration } from "@/lib/validations/time";
import { EXPLORE_RANGES, exploreUrlSchema, type ExploreUrlState } from "@/lib/validations/explore";

export interface QueryWindow {
  start: number;
  end: number;
  step: number;
}

/**
 * The range query Explore sends: the range ending at `end` (or now), with the step the URL asks for or
 * one chosen from the chart's width, and both ends on the step grid so a re-run hits the same points.
 */
export function queryWindow(state: Pick<ExploreUrlState, "range" | "end" | "step">, nowSeconds: number, widthPx: number): QueryWindow {
  const rangeSeconds = parseDuration(state.range) ?? 3600;
  const step = state.step ?? chooseStep({ rangeSeconds, widthPx });
  const end = Math.floor((state.end ?? nowSeconds) / step) * step;
  const start = end - Math.ceil(rangeSeconds / step) * step;
  return { start, end, step };
}

export interface TableRow {
  key: string;
  /** The series as Prometheus prints it, or the result type for scalars and strings. */
  series: string;
  /** The value as Prometheus wrote it (exact, with +Inf and NaN), or several "value @time" lines for range vectors. */
  value: string;
}

/** An instant query's result as table rows. */
export function instantRows(data: QueryData): TableRow[] {
  switch (data.resultType) {
    case "vector":
      return data.result.map((series, index) => ({ key: `v${index}`, series: formatLabelSet(series.metric), value: series.value[1] }));
    case "matrix":
      return data.result.map((series, index) => ({
        key: `m${index}`,
        series: formatLabelSet(series.metric),
        value: series.values.map(([time, value]) => `${value} @${time}`).join("\n"),
      }));
    case "scalar":
      return [{ key: "scalar", series: "scalar", value: data.result[1] }];
    case "string":
      return [{ key: "string", series: "string", value: data.result[1] }];
  }
}

/** A link to Explore with this query, for other pages ("open in Explore"). */
export function exploreHref(
  expr: string,
  options: { range?: ExploreUrlState["range"]; end?: number; step?: number; tab?: ExploreUrlState["tab"]; source?: string } = {},
): string {
  const params = new URLSearchParams({ expr });
  if (options.range && options.range !== "1h") params.set("range", options.range);
  if (options.end !== undefined) params.set("end", String(Math.round(options.end)));
  if (options.step !== undefined) params.set("step", String(options.step));
  if (options.tab && options.tab !== "graph") params.set("tab", options.tab);
  if (options.source && options.source !== "default") params.set("source", options.source);
  return `/explore?${params.toString()}`;
}

/** Explore's state from a URL's query string; values that do not parse fall back to the defaults. */
export function parseExploreParams(params: URLSearchParams | Record<string, string | undefined>): ExploreUrlState {
  const record = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  return exploreUrlSchema.parse(record);
}

/** A step typed by a person: seconds or a duration ("30s", "1m"); undefined means automatic. */
export function parseStepInput(text: string): number | undefined | "invalid" {
  if (text.trim() === "") return undefined;
  const seconds = parseDuration(text);
  return seconds === undefined || seconds <= 0 || seconds > 86_400 ? "invalid" : seconds;
}

export { EXPLORE_RANGES };
