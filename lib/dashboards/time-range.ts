import { parseDuration } from "@/lib/validations/time";

/*
 * Dashboard time ranges as Grafana writes them: "now", "now-6h", "now-1d/d" is not supported
 * (rounding), absolute times as Unix milliseconds or ISO 8601. Pure: the clock is passed in.
 */

export interface RelativePreset {
  from: string;
  label: string;
}

export const RELATIVE_PRESETS: readonly RelativePreset[] = [
  { from: "now-5m", label: "Last 5 minutes" },
  { from: "now-15m", label: "Last 15 minutes" },
  { from: "now-30m", label: "Last 30 minutes" },
  { from: "now-1h", label: "Last 1 hour" },
  { from: "now-3h", label: "Last 3 hours" },
  { from: "now-6h", label: "Last 6 hours" },
  { from: "now-12h", label: "Last 12 hours" },
  { from: "now-24h", label: "Last 24 hours" },
  { from: "now-2d", label: "Last 2 days" },
  { from: "now-7d", label: "Last 7 days" },
];

export interface ResolvedRange {
  /** Unix milliseconds. */
  fromMs: number;
  toMs: number;
}

/** Unix ms of one end of a range, or undefined when the text is neither relative nor a time. */
export function parseTimeExpression(text: string, nowMs: number): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "now") return nowMs;
  const relative = /^now-(.+)$/.exec(trimmed);
  if (relative?.[1]) {
    const seconds = parseDuration(relative[1]);
    return seconds === undefined || /^\d+(\.\d+)?$/.test(relative[1]) ? undefined : nowMs - seconds * 1000;
  }
  if (/^\d{10,}$/.test(trimmed)) return Number(trimmed);
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.test(trimmed)) {
    const ms = Date.parse(trimmed.replace(" ", "T"));
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

export function isValidTimeExpression(text: string): boolean {
  return parseTimeExpression(text, 0) !== undefined;
}

/** Both ends as Unix ms; an inverted or unreadable range falls back to the last 6 hours. */
export function resolveRange(from: string, to: string, nowMs: number): ResolvedRange {
  const fromMs = parseTimeExpression(from, nowMs);
  const toMs = parseTimeExpression(to, nowMs);
  if (fromMs === undefined || toMs === undefined || fromMs >= toMs) return { fromMs: nowMs - 6 * 3600_000, toMs: nowMs };
  return { fromMs, toMs };
}

export function isRelative(expression: string): boolean {
  return expression.trim().startsWith("now");
}

/** "Last 6 hours", or both ends written out in the chosen time zone. */
export function describeRange(from: string, to: string, timeZone: "browser" | "utc", nowMs: number): string {
  if (to === "now") {
    const preset = RELATIVE_PRESETS.find((item) => item.from === from);
    if (preset) return preset.label;
    if (from.startsWith("now-")) return `Last ${from.slice(4)}`;
  }
  const { fromMs, toMs } = resolveRange(from, to, nowMs);
  return `${formatInstant(fromMs, timeZone)} to ${formatInstant(toMs, timeZone)}`;
}

/** "2026-11-21 07:15:00" in UTC or the browser's zone: the form the absolute range inputs use. */
export function formatInstant(ms: number, timeZone: "browser" | "utc"): string {
  const date = new Date(ms);
  if (timeZone === "utc") return date.toISOString().slice(0, 19).replace("T", " ");
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** Reads "2026-11-21 07:15:00" typed in the chosen zone; undefined when it is not a time. */
export function parseInstant(text: string, timeZone: "browser" | "utc"): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const args = [year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0] as const;
  const ms = timeZone === "utc" ? Date.UTC(...args) : new Date(...args).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** Zooming out: the same centre, three times the span (Grafana's ctrl+z). */
export function zoomOut({ fromMs, toMs }: ResolvedRange, nowMs: number): ResolvedRange {
  const span = toMs - fromMs;
  const to = Math.min(nowMs, toMs + span);
  return { fromMs: to - span * 3, toMs: to };
}
