import type { Unit } from "./schema";

/*
 * Value formatting by unit, as Grafana's unit ids read. Pure: used by axes, legends, stats,
 * tables and tooltips alike so a number reads the same everywhere on a dashboard.
 */

export interface FormattedValue {
  text: string;
  prefix: string;
  suffix: string;
}

type Scale = ReadonlyArray<readonly [factor: number, suffix: string]>;

const SHORT: Scale = [
  [1e12, " T"],
  [1e9, " B"],
  [1e6, " M"],
  [1e3, " k"],
  [1, ""],
];
const SI = (base: string): Scale => [
  [1e12, ` T${base}`],
  [1e9, ` G${base}`],
  [1e6, ` M${base}`],
  [1e3, ` k${base}`],
  [1, ` ${base}`],
  [1e-3, ` m${base}`],
];
const IEC = (base: string): Scale => [
  [1024 ** 5, ` Pi${base}`],
  [1024 ** 4, ` Ti${base}`],
  [1024 ** 3, ` Gi${base}`],
  [1024 ** 2, ` Mi${base}`],
  [1024, ` Ki${base}`],
  [1, ` ${base}`],
];
const DEC_BYTES: Scale = [
  [1e15, " PB"],
  [1e12, " TB"],
  [1e9, " GB"],
  [1e6, " MB"],
  [1e3, " kB"],
  [1, " B"],
];
/** Seconds to the largest unit that keeps the number at least 1. */
const TIME: Scale = [
  [31_536_000, " year"],
  [604_800, " week"],
  [86_400, " day"],
  [3600, " hour"],
  [60, " min"],
  [1, " s"],
  [1e-3, " ms"],
  [1e-6, " µs"],
  [1e-9, " ns"],
];
const TIME_FACTOR: Partial<Record<Unit, number>> = { s: 1, ms: 1e-3, "µs": 1e-6, ns: 1e-9 };

/** Decimals chosen from the magnitude: about three significant digits, never trailing zeros. */
export function autoDecimals(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return 1;
  if (abs >= 1) return 2;
  return Math.min(6, Math.max(2, 1 - Math.floor(Math.log10(abs)) + 1));
}

function fixed(value: number, decimals: number | undefined): string {
  if (decimals !== undefined) return value.toFixed(decimals);
  const text = value.toFixed(autoDecimals(value));
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

function scaled(value: number, scale: Scale, decimals: number | undefined): FormattedValue {
  const abs = Math.abs(value);
  const step = scale.find(([factor]) => abs >= factor) ?? scale[scale.length - 1];
  if (!step || abs === 0) return { prefix: "", text: fixed(value, decimals), suffix: scale.find(([factor]) => factor === 1)?.[1] ?? "" };
  return { prefix: "", text: fixed(value / step[0], decimals), suffix: step[1] };
}

function durationText(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.round(Math.abs(seconds));
  for (const [size, unit] of [
    [86_400, "d"],
    [3600, "h"],
    [60, "m"],
    [1, "s"],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return (seconds < 0 ? "-" : "") + (parts.slice(0, 3).join(" ") || "0s");
}

/** A value in parts, so a stat can draw the unit smaller than the number. */
export function formatValueParts(value: number | null | undefined, unit: Unit = "short", decimals?: number): FormattedValue {
  if (value === null || value === undefined || Number.isNaN(value)) return { prefix: "", text: "—", suffix: "" };
  if (!Number.isFinite(value)) return { prefix: "", text: value > 0 ? "+Inf" : "-Inf", suffix: "" };
  const timeFactor = TIME_FACTOR[unit];
  if (timeFactor !== undefined) return scaled(value * timeFactor, TIME, decimals);
  switch (unit) {
    case "none":
      return { prefix: "", text: fixed(value, decimals), suffix: "" };
    case "short":
      return scaled(value, SHORT, decimals);
    case "percent":
      return { prefix: "", text: fixed(value, decimals), suffix: "%" };
    case "percentunit":
      return { prefix: "", text: fixed(value * 100, decimals), suffix: "%" };
    case "dtdurations":
      return { prefix: "", text: durationText(value), suffix: "" };
    case "bytes":
      return scaled(value, IEC("B"), decimals);
    case "decbytes":
      return scaled(value, DEC_BYTES, decimals);
    case "bits":
      return scaled(value, IEC("b"), decimals);
    case "bps":
      return scaled(value, SI("b/s").slice(0, 5), decimals);
    case "Bps":
      return scaled(value, SI("B/s").slice(0, 5), decimals);
    case "ops":
      return withSuffix(scaled(value, SHORT, decimals), " ops/s");
    case "reqps":
      return withSuffix(scaled(value, SHORT, decimals), " req/s");
    case "tokens":
      return withSuffix(scaled(value, SHORT, decimals), " tokens");
    case "tokens/s":
      return withSuffix(scaled(value, SHORT, decimals), " tokens/s");
    case "currencyUSD": {
      const parts = scaled(Math.abs(value), SHORT, decimals ?? (Math.abs(value) < 1000 ? 2 : undefined));
      return { prefix: value < 0 ? "-$" : "$", text: parts.text, suffix: parts.suffix.trim() };
    }
    case "celsius":
      return { prefix: "", text: fixed(value, decimals), suffix: " °C" };
    case "watt":
      return scaled(value, SI("W"), decimals);
    case "kwatt":
      return scaled(value * 1000, SI("W"), decimals);
    case "joule":
      return scaled(value, SI("J"), decimals);
    case "hertz":
      return scaled(value, SI("Hz").slice(0, 5), decimals);
    case "dateTimeAsIso":
      return { prefix: "", text: new Date(value).toISOString().replace("T", " ").replace(/\.\d+Z$/, ""), suffix: "" };
    default:
      return scaled(value, SHORT, decimals);
  }
}

function withSuffix(parts: FormattedValue, unitSuffix: string): FormattedValue {
  // "1.2 k" + " req/s" reads "1.2k req/s".
  return { ...parts, suffix: `${parts.suffix.trim()}${unitSuffix}` };
}

/** "1.5 s", "12.3 MiB", "99.9%", "$1.20": a value with its unit. */
export function formatValue(value: number | null | undefined, unit: Unit = "short", decimals?: number): string {
  const parts = formatValueParts(value, unit, decimals);
  return `${parts.prefix}${parts.text}${parts.suffix}`;
}

/** Human names for the unit picker. */
export const UNIT_LABELS: Record<Unit, string> = {
  none: "None (plain number)",
  short: "Short (k, M, B)",
  percent: "Percent (0-100)",
  percentunit: "Percent (0.0-1.0)",
  s: "Seconds",
  ms: "Milliseconds",
  "µs": "Microseconds",
  ns: "Nanoseconds",
  dtdurations: "Duration (1h 2m)",
  bytes: "Bytes (IEC)",
  decbytes: "Bytes (SI)",
  bits: "Bits (IEC)",
  bps: "Bits/s",
  Bps: "Bytes/s",
  ops: "Operations/s",
  reqps: "Requests/s",
  tokens: "Tokens",
  "tokens/s": "Tokens/s",
  currencyUSD: "Dollars (USD)",
  celsius: "Celsius",
  watt: "Watts",
  kwatt: "Kilowatts",
  joule: "Joules",
  hertz: "Hertz",
  dateTimeAsIso: "Date and time (ISO)",
};
