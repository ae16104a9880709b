import { z } from "zod";

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };

/**
 * Parses a Prometheus duration ("1h30m", "15s", "500ms") or a plain number of seconds.
 * Returns seconds, or undefined when the text is neither.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== trimmed) return undefined;
  return parts.reduce((sum, part) => sum + Number(part[1]) * (DURATION_UNITS[part[2] ?? "s"] ?? 1), 0);
}

/** Parses a Prometheus timestamp: Unix seconds (with fraction) or RFC 3339. Returns seconds. */
export function parseTimestamp(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

export const durationParam = z.string().transform((text, ctx) => {
  const seconds = parseDuration(text);
  if (seconds === undefined || seconds <= 0) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not a duration (use 15s, 1m, 1h30m or seconds)` });
    return z.NEVER;
  }
  return seconds;
});

export const timestampParam = z.string().transform((text, ctx) => {
  const seconds = parseTimestamp(text);
  if (seconds === undefined) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not a time (use Unix seconds or RFC 3339)` });
    return z.NEVER;
  }
  return seconds;
});
