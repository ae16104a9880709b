/** Prometheus durations (`1d`, `2h30m`, `15d`, `1y`) to and from seconds. */

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/** Seconds in a Prometheus duration, or undefined when the text is not one. "0s" is 0. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(trimmed)) return undefined;
  let seconds = 0;
  for (const match of trimmed.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    const [, amount, unit] = match;
    seconds += Number(amount) * (UNIT_SECONDS[unit ?? "s"] ?? 0);
  }
  return seconds;
}

/** The shortest exact Prometheus duration for whole seconds: 2592000 -> "30d", 5400 -> "90m". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [["d", 86_400], ["h", 3600], ["m", 60]] as const) {
    if (whole % size === 0) return `${whole / size}${unit}`;
  }
  return `${whole}s`;
}

/** "3 d 4 h", "45 min", "20 s": for people, rounded to two units. */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "never";
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return `${minutes} min`;
  return `${s} s`;
}
