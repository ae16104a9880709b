/*
 * Template variables in PromQL, as Grafana expands them for Prometheus: `$var`, `${var}`,
 * `${var:format}` and `[[var]]`; built-ins $__interval, $__interval_ms, $__rate_interval,
 * $__range, $__range_s, $__range_ms. A multi-value or All selection becomes a regex alternation
 * of escaped values, meant for `=~`.
 */

export const ALL_VALUE = "$__all";

/** One variable's selection, ready to substitute. */
export interface VariableValue {
  /** The selected values; [ALL_VALUE] for All. */
  values: string[];
  /** Every option the variable has (what All expands to). */
  options: string[];
  /** Regex-escape and join values (multi-select or include-All variables). */
  multi: boolean;
  /** Replaces the alternation when All is selected (Grafana's custom all value, e.g. ".*"). */
  allValue?: string;
}

export type VariableValues = Record<string, VariableValue>;

export interface BuiltinIntervals {
  intervalSeconds: number;
  rateIntervalSeconds: number;
  rangeSeconds: number;
}

/** Prometheus regex specials escaped for a double-quoted PromQL string (so `.` arrives as `\.`). */
export function escapePromRegex(value: string): string {
  return value.replace(/\\/g, "\\\\\\\\").replace(/[$^*{}[\]'+?.()|]/g, "\\\\$&");
}

/** Seconds as the shortest exact Prometheus duration: 30s, 5m, 2h, 1d, 1500ms. */
export function formatPromDuration(seconds: number): string {
  if (!Number.isInteger(seconds)) return `${Math.round(seconds * 1000)}ms`;
  for (const [size, unit] of [
    [86_400, "d"],
    [3600, "h"],
    [60, "m"],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** What All stands for when there is nothing to list: any value. */
const ANY_VALUE = ".*";

/** The values a selection stands for: All expands to every option. */
export function selectedValues(variable: VariableValue): string[] {
  return variable.values.includes(ALL_VALUE) ? variable.options : variable.values;
}

function formatValue(variable: VariableValue, format: string | undefined): string {
  const isAll = variable.values.includes(ALL_VALUE);
  const values = selectedValues(variable);
  switch (format) {
    case "raw":
      return values.join(",");
    case "csv":
      return values.join(",");
    case "pipe":
      return values.join("|");
    case "json":
      return JSON.stringify(values);
    case "regex":
      if (isAll && values.length === 0) return ANY_VALUE;
      return values.length === 1 ? escapePromRegex(values[0] ?? "") : `(${values.map(escapePromRegex).join("|")})`;
    default:
      break;
  }
  if (isAll && variable.allValue !== undefined) return variable.allValue;
  // All of no options (the variable's query found nothing, or failed): no restriction, not `()`,
  // which would match only an empty label and show every panel empty without saying why.
  if (isAll && values.length === 0) return ANY_VALUE;
  if (!variable.multi && !isAll) return values[0] ?? "";
  if (values.length === 1) return escapePromRegex(values[0] ?? "");
  return `(${values.map(escapePromRegex).join("|")})`;
}

const BUILTINS = ["__interval_ms", "__interval", "__rate_interval", "__range_ms", "__range_s", "__range"] as const;

function builtinValue(name: string, builtins: BuiltinIntervals | undefined): string | undefined {
  if (!builtins) return undefined;
  switch (name) {
    case "__interval":
      return formatPromDuration(builtins.intervalSeconds);
    case "__interval_ms":
      return String(Math.round(builtins.intervalSeconds * 1000));
    case "__rate_interval":
      return formatPromDuration(builtins.rateIntervalSeconds);
    case "__range":
      return `${Math.round(builtins.rangeSeconds)}s`;
    case "__range_s":
      return String(Math.round(builtins.rangeSeconds));
    case "__range_ms":
      return String(Math.round(builtins.rangeSeconds * 1000));
    default:
      return undefined;
  }
}

const PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?\}|\[\[([A-Za-z_][A-Za-z0-9_]*)\]\]|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Replaces every variable reference it knows; unknown ones stay as written, so PromQL's error names them. */
export function interpolate(text: string, variables: VariableValues, builtins?: BuiltinIntervals): string {
  return text.replace(PATTERN, (match, braced?: string, format?: string, bracketed?: string, bare?: string) => {
    const name = braced ?? bracketed ?? bare ?? "";
    if (name.startsWith("__")) {
      if (bare !== undefined) {
        // `$__interval_ms` must not be read as `$__interval` + "_ms": take the longest built-in the name starts with.
        const builtin = BUILTINS.find((item) => name === item);
        return builtin ? (builtinValue(builtin, builtins) ?? match) : match;
      }
      return builtinValue(name, builtins) ?? match;
    }
    const variable = variables[name];
    return variable ? formatValue(variable, format) : match;
  });
}

/** The names of the variables a text refers to (built-ins left out). */
export function referencedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(PATTERN)) {
    const name = match[1] ?? match[3] ?? match[4];
    if (name && !name.startsWith("__")) names.add(name);
  }
  return [...names];
}

/** Grafana's $__rate_interval: at least four scrapes, and one scrape more than the step. */
export function rateInterval(intervalSeconds: number, scrapeIntervalSeconds: number): number {
  return Math.max(4 * scrapeIntervalSeconds, intervalSeconds + scrapeIntervalSeconds);
}
