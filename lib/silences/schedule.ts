import { CronExpressionParser } from "cron-parser";

/*
 * Recurring maintenance windows: when each occurrence starts and ends. A weekly schedule is a
 * cron expression in disguise ("30 2 * * 1,4"), so both kinds are computed by cron-parser, in the
 * window's own time zone (so 02:00 stays 02:00 across daylight-saving changes).
 */

export type WindowSchedule = { kind: "weekly"; days: number[]; time: string } | { kind: "cron"; expression: string };

export interface ScheduledWindow {
  schedule: WindowSchedule;
  durationMinutes: number;
  timezone: string;
}

export interface Occurrence {
  start: Date;
  end: Date;
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The cron expression (minute hour day month weekday) a schedule stands for. */
export function cronExpression(schedule: WindowSchedule): string {
  if (schedule.kind === "cron") return schedule.expression.trim();
  const [hours = "0", minutes = "0"] = schedule.time.split(":");
  const days = [...new Set(schedule.days)].sort((a, b) => a - b).join(",");
  return `${Number(minutes)} ${Number(hours)} * * ${days}`;
}

/** Whether the runtime knows the IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.trim() !== "";
  } catch {
    return false;
  }
}

/** Why a cron expression is refused (five fields, parseable), or undefined. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return "A cron schedule has five fields: minute hour day-of-month month day-of-week (e.g. 0 2 * * 6).";
  try {
    CronExpressionParser.parse(expression, { tz: "UTC" }).next();
    return undefined;
  } catch (error) {
    return `Not a valid cron expression: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The next `count` occurrences that start at or after `from`. */
export function nextOccurrences(window: ScheduledWindow, from: Date, count: number): Occurrence[] {
  // cron-parser's next() is strictly after currentDate; step back 1 ms to include `from` itself.
  const cron = CronExpressionParser.parse(cronExpression(window.schedule), {
    currentDate: new Date(from.getTime() - 1),
    tz: window.timezone,
  });
  const occurrences: Occurrence[] = [];
  for (let index = 0; index < count && cron.hasNext(); index += 1) {
    const start = cron.next().toDate();
    occurrences.push({ start, end: new Date(start.getTime() + window.durationMinutes * 60_000) });
  }
  return occurrences;
}

/**
 * The occurrences a scheduler must have a silence for at `now`: those under way, and those
 * starting within `leadMs` (created ahead as pending silences, so they begin on the minute).
 */
export function occurrencesDue(window: ScheduledWindow, now: Date, leadMs: number): Occurrence[] {
  const durationMs = window.durationMinutes * 60_000;
  // Any occurrence still running started after now - duration.
  return nextOccurrences(window, new Date(now.getTime() - durationMs + 1), 5).filter(
    (occurrence) => occurrence.start.getTime() <= now.getTime() + leadMs && occurrence.end.getTime() > now.getTime(),
  );
}

/** Why the schedule cannot be used as is (overlapping occurrences, no occurrence at all), or undefined. */
export function scheduleProblem(window: ScheduledWindow, now: Date): string | undefined {
  const upcoming = nextOccurrences(window, now, 60);
  if (upcoming.length === 0) return "The schedule never occurs.";
  for (let index = 1; index < upcoming.length; index += 1) {
    const previous = upcoming[index - 1];
    const current = upcoming[index];
    if (previous && current && current.start.getTime() < previous.end.getTime()) {
      return `Occurrences would overlap: the window lasts ${window.durationMinutes} min but starts again at ${current.start.toISOString()}. Shorten it or space the schedule out.`;
    }
  }
  return undefined;
}

/** "Mondays and Thursdays at 02:30 (Europe/Paris) for 2h" or "cron 0 2 * * 6 (UTC) for 4h". */
export function describeSchedule(window: ScheduledWindow): string {
  const hours = Math.floor(window.durationMinutes / 60);
  const minutes = window.durationMinutes % 60;
  const length = [hours ? `${hours}h` : "", minutes ? `${minutes}m` : ""].filter(Boolean).join(" ");
  if (window.schedule.kind === "cron") return `cron ${window.schedule.expression} (${window.timezone}) for ${length}`;
  const days = [...new Set(window.schedule.days)].sort((a, b) => a - b).map((day) => `${WEEKDAYS[day] ?? day}s`);
  const list = days.length > 1 ? `${days.slice(0, -1).join(", ")} and ${days[days.length - 1]}` : (days[0] ?? "");
  return `${list} at ${window.schedule.time} (${window.timezone}) for ${length}`;
}
