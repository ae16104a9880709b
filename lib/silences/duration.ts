/* Durations as people write them for silences and VIGIL_SILENCE_MAX_DURATION: "90m", "4h", "1d12h", "2w". */

const DURATION_PATTERN = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Parses "1h", "90m", "1d12h", "2w" into milliseconds; undefined for anything else or zero. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  const found = DURATION_PATTERN.exec(trimmed);
  if (!found || trimmed === "") return undefined;
  const [, weeks = "0", days = "0", hours = "0", minutes = "0"] = found;
  const ms = ((Number(weeks) * 7 + Number(days)) * 24 * 60 + Number(hours) * 60 + Number(minutes)) * 60_000;
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

/** "1w 2d 3h 4m" from milliseconds, leaving out the zero parts; "0m" under a minute. */
export function formatDuration(ms: number): string {
  let minutes = Math.floor(Math.abs(ms) / 60_000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ["w", 7 * 24 * 60],
    ["d", 24 * 60],
    ["h", 60],
  ] as const) {
    const count = Math.floor(minutes / size);
    if (count > 0) parts.push(`${count}${unit}`);
    minutes -= count * size;
  }
  if (minutes > 0 || parts.length === 0) parts.push(`${minutes}m`);
  return parts.join(" ");
}

/** Why a silence from `startsAt` to `endsAt` is longer than `maxMs` allows, or undefined when it is not. */
export function exceedsMaxDuration(startsAt: number, endsAt: number, maxMs: number | undefined): string | undefined {
  if (maxMs === undefined || endsAt - startsAt <= maxMs) return undefined;
  return `A silence may last at most ${formatDuration(maxMs)} (VIGIL_SILENCE_MAX_DURATION); this one lasts ${formatDuration(endsAt - startsAt)}.`;
}
