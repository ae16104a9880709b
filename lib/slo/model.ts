/** The SLO model every reader (files, Sloth specs, the database) produces and every writer consumes. */

/** Burn-rate windows, shortest first: the page and ticket conditions read pairs of them. */
export const BURN_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];

export const ROLLING_DAYS = [7, 28, 30] as const;
export type RollingDays = (typeof ROLLING_DAYS)[number];

export type SloWindow = { kind: "rolling"; days: RollingDays } | { kind: "calendar-month" };

/** A series selector split into its metric name and its matchers (the text between the braces). */
export interface Selector {
  metric: string;
  matchers: string;
}

export type Sli =
  /** Counters: failed events (errors, or total minus good) over all events. */
  | { kind: "ratio"; errors?: Selector; good?: Selector; total: Selector }
  /** Histogram: events slower than the bucket edge `le` are failed. */
  | { kind: "latency"; histogram: Selector; le: string }
  /** A 0/1 expression (e.g. `x > bool 0.8`): the share of time it held, sampled every minute. */
  | { kind: "bool"; expr: string }
  /** Sloth's events queries, with `{{.window}}` where the range goes. */
  | { kind: "events"; errorQuery: string; totalQuery: string }
  /** Sloth's raw error-ratio query: no event counts, so no "events left". */
  | { kind: "raw"; errorRatioQuery: string };

export interface SloLink {
  title: string;
  url: string;
}

export interface SloDefinition {
  /** Stable and URL-safe: `<service>--<name>`. */
  id: string;
  service: string;
  name: string;
  description: string;
  /** Between 0 and 1 (99.9 % is 0.999). */
  objective: number;
  window: SloWindow;
  sli: Sli;
  /** One SLO per value of this label. */
  groupBy?: string;
  /** team, tier, ...: for filtering. */
  labels: Record<string, string>;
  runbookUrl?: string;
  dashboards: SloLink[];
  alerting: { page: boolean; ticket: boolean; absent: boolean };
  /** The Prometheus source (PROMETHEUS_SOURCES) its series are read from; the default when absent. */
  datasource?: string;
  /** A file (read-only), or the console's database (`file` is "database", editable by editors). */
  source: { file: string; format: "vigil/v1" | "prometheus/v1" | "stored" };
}

export function windowLabel(window: SloWindow): string {
  return window.kind === "rolling" ? `${window.days}d` : "calendar month";
}

/** The short form used in JSON output and rule labels: 30d, 28d, 7d or month. */
export function windowKey(window: SloWindow): string {
  return window.kind === "rolling" ? `${window.days}d` : "month";
}

export function sloId(service: string, name: string): string {
  return `${slug(service)}--${slug(name)}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function selectorText(selector: Selector, extraMatchers: string[] = [], suffix = ""): string {
  const matchers = [selector.matchers, ...extraMatchers].filter((part) => part.trim() !== "").join(", ");
  return matchers ? `${selector.metric}${suffix}{${matchers}}` : `${selector.metric}${suffix}`;
}

/** A record with one entry per burn window. */
export function perBurnWindow<T>(value: (window: BurnWindow) => T): Record<BurnWindow, T> {
  return {
    "5m": value("5m"),
    "30m": value("30m"),
    "1h": value("1h"),
    "2h": value("2h"),
    "6h": value("6h"),
    "1d": value("1d"),
    "3d": value("3d"),
  };
}

/** 1 - objective without float noise: 0.001 for 99.9 %. */
export function errorBudget(objective: number): number {
  return Number((1 - objective).toFixed(10));
}
