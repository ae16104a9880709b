import { formatLegend } from "@/lib/prometheus/transform";
import { queryDataToSeries, type Point } from "@/lib/prometheus/parse-sample-values";
import type { LabelSet, QueryData } from "@/lib/prometheus/types";
import type { FieldConfig, FieldSettings, Reducer, Thresholds } from "./schema";

/*
 * Query results as frames: one named series with its points and its field settings
 * (defaults, then every matching override in order). Everything a panel draws starts here.
 */

export interface Frame {
  refId: string;
  labels: LabelSet;
  name: string;
  points: Point[];
  settings: FieldSettings;
}

export interface QueryResultInput {
  refId: string;
  legendFormat?: string;
  data: QueryData;
}

/** Field settings for a series name: defaults, then each matching override (later ones win). */
export function resolveSettings(name: string, fieldConfig: FieldConfig): FieldSettings {
  let settings: FieldSettings = { ...fieldConfig.defaults };
  for (const override of fieldConfig.overrides) {
    if (matchesOverride(name, override.matcher)) settings = { ...settings, ...definedOnly(override.properties) };
  }
  return settings;
}

function definedOnly(settings: FieldSettings): FieldSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

function matchesOverride(name: string, matcher: FieldConfig["overrides"][number]["matcher"]): boolean {
  if (matcher.type === "byName") return matcher.value === name;
  try {
    const body = /^\/(.*)\/([a-z]*)$/.exec(matcher.value);
    const pattern = body ? new RegExp(body[1] ?? "", body[2]) : new RegExp(`^(?:${matcher.value})$`);
    return pattern.test(name);
  } catch {
    return false;
  }
}

/** Frames from every target's result, named by legend format, in query order. */
export function buildFrames(results: readonly QueryResultInput[], fieldConfig: FieldConfig): Frame[] {
  const frames: Frame[] = [];
  for (const result of results) {
    for (const series of queryDataToSeries(result.data)) {
      const base = formatLegend(series.labels, result.legendFormat);
      const name = series.labels.__name__ === undefined && Object.keys(series.labels).length === 0 && !result.legendFormat ? result.refId === "A" ? "Value" : result.refId : base;
      const settings = resolveSettings(name, fieldConfig);
      if (settings.hidden) continue;
      frames.push({ refId: result.refId, labels: series.labels, name: settings.displayName || name, points: series.points, settings });
    }
  }
  return frames;
}

/** One number for a series, as Grafana's reducers compute it; null when there is nothing to reduce. */
export function reduce(points: readonly Point[], reducer: Reducer): number | null {
  const finite = points.map(([, value]) => value).filter((value) => Number.isFinite(value));
  switch (reducer) {
    case "last": {
      const last = points[points.length - 1];
      return last && Number.isFinite(last[1]) ? last[1] : null;
    }
    case "lastNotNull":
      return finite.length ? (finite[finite.length - 1] ?? null) : null;
    case "first":
      return finite[0] ?? null;
    case "count":
      return finite.length;
    case "sum":
      return finite.reduce((sum, value) => sum + value, 0);
    case "mean":
      return finite.length ? finite.reduce((sum, value) => sum + value, 0) / finite.length : null;
    case "min":
      return finite.length ? Math.min(...finite) : null;
    case "max":
      return finite.length ? Math.max(...finite) : null;
  }
}

export const REDUCER_LABELS: Record<Reducer, string> = {
  last: "Last",
  lastNotNull: "Last *",
  first: "First",
  mean: "Mean",
  min: "Min",
  max: "Max",
  sum: "Total",
  count: "Count",
};

const NAMED_COLORS: Record<string, string> = {
  green: "#22c55e",
  "semi-dark-green": "#16a34a",
  "dark-green": "#15803d",
  "light-green": "#4ade80",
  red: "#ef4444",
  "semi-dark-red": "#dc2626",
  "dark-red": "#b91c1c",
  "light-red": "#f87171",
  orange: "#f97316",
  "dark-orange": "#c2410c",
  "light-orange": "#fb923c",
  yellow: "#eab308",
  "dark-yellow": "#a16207",
  "light-yellow": "#facc15",
  blue: "#3b82f6",
  "dark-blue": "#1d4ed8",
  "light-blue": "#60a5fa",
  purple: "#a855f7",
  "dark-purple": "#7e22ce",
  "light-purple": "#c084fc",
  text: "#e2e8f0",
  transparent: "transparent",
};

/** A threshold or override colour as CSS: a #hex stays, a Grafana colour name becomes its hex. */
export function cssColor(color: string): string {
  return color.startsWith("#") ? color : (NAMED_COLORS[color] ?? color);
}

export const PALETTE = ["#38bdf8", "#a78bfa", "#34d399", "#fbbf24", "#f472b6", "#60a5fa", "#f87171", "#2dd4bf", "#c084fc", "#facc15", "#fb923c", "#4ade80"];

export function seriesColor(index: number, settings?: FieldSettings): string {
  return settings?.color ? cssColor(settings.color) : (PALETTE[index % PALETTE.length] ?? "#38bdf8");
}

/** The colour of the highest step at or below the value; percentage thresholds are read against min/max. */
export function thresholdColor(value: number | null, thresholds: Thresholds | undefined, min = 0, max = 100): string | undefined {
  if (!thresholds || value === null || !Number.isFinite(value)) return undefined;
  const position = thresholds.mode === "percentage" ? ((value - min) / (max - min || 1)) * 100 : value;
  let color: string | undefined;
  for (const step of thresholds.steps) {
    if (step.value === null || position >= step.value) color = step.color;
  }
  return color ? cssColor(color) : undefined;
}

/** Series on one time axis: a shared, sorted list of timestamps and each series' value (or null) at each. */
export interface AlignedSeries {
  times: number[];
  values: Array<Array<number | null>>;
}

export function alignFrames(frames: readonly Frame[]): AlignedSeries {
  const times = [...new Set(frames.flatMap((frame) => frame.points.map(([t]) => t)))].sort((a, b) => a - b);
  const index = new Map(times.map((t, position) => [t, position]));
  const values = frames.map((frame) => {
    const row: Array<number | null> = new Array<number | null>(times.length).fill(null);
    for (const [t, value] of frame.points) {
      const position = index.get(t);
      if (position !== undefined) row[position] = Number.isFinite(value) ? value : null;
    }
    return row;
  });
  return { times, values };
}

/** Cumulative sums for stacked areas; "percent" scales each timestamp's stack to 100. Nulls count as 0 while stacking. */
export function stackValues(values: ReadonlyArray<ReadonlyArray<number | null>>, mode: "normal" | "percent"): Array<Array<number | null>> {
  const length = values[0]?.length ?? 0;
  const totals = new Array<number>(length).fill(0);
  if (mode === "percent") {
    for (const row of values) row.forEach((value, position) => (totals[position] = (totals[position] ?? 0) + Math.abs(value ?? 0)));
  }
  const running = new Array<number>(length).fill(0);
  return values.map((row) =>
    row.map((value, position) => {
      const add = mode === "percent" ? ((value ?? 0) / (totals[position] || 1)) * 100 : (value ?? 0);
      running[position] = (running[position] ?? 0) + add;
      return value === null && mode === "normal" ? null : (running[position] ?? 0);
    }),
  );
}
