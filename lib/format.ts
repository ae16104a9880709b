const UNITS: Array<[number, string]> = [
  [86_400, "d"],
  [3600, "h"],
  [60, "m"],
  [1, "s"],
];

/** "3h 12m", "45s": the two largest units of a duration in seconds. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const parts: string[] = [];
  let rest = Math.floor(seconds);
  for (const [size, unit] of UNITS) {
    if (rest >= size || (parts.length === 0 && size === 1)) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(" ");
}

/** "5m ago" for a past instant, relative to `now` (both in ms). */
export function formatAgo(instantMs: number, nowMs: number): string {
  const seconds = Math.max(0, (nowMs - instantMs) / 1000);
  return seconds < 1 ? "just now" : `${formatDuration(seconds)} ago`;
}

/** Compact numbers for axes and stats: 1.2k, 3.4M, 0.05. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}G`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}k`;
  if (abs >= 100 || abs === 0) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(2).replace(/\.?0+$/, "");
  return value.toPrecision(2);
}
