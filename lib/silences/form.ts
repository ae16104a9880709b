import { fromLocalInput } from "@/lib/audit/local-time";
import { silenceBodySchema, type MatcherInput, type SilenceBody } from "@/lib/validations/silences";
import { exceedsMaxDuration, parseDuration } from "./duration";

/*
 * The silence form's values to the API body, with the errors a person sees by field before
 * anything is sent: the same zod schema as the route handler, plus the configured maximum.
 */

export type SilenceTiming = { mode: "duration"; duration: string } | { mode: "end"; endsAtLocal: string };

export interface SilenceFormValues {
  matchers: MatcherInput[];
  timing: SilenceTiming;
  /** ISO start that the form cannot change (an active silence being edited keeps its own). */
  startsAt?: string;
  /** The start field (datetime-local, the browser's zone): empty for "now", else a pending silence. */
  startsAtLocal?: string;
  comment: string;
}

/** A start this far in the past is refused: the person meant "now" or mistyped the date. */
const PAST_START_SLACK_MS = 60_000;

export type BuiltSilence = { ok: true; body: SilenceBody } | { ok: false; errors: Record<string, string[]> };

export function buildSilenceBody(values: SilenceFormValues, now: number, maxDurationMs: number | null): BuiltSilence {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  let startsAt = values.startsAt;
  if (!startsAt && values.startsAtLocal) {
    startsAt = fromLocalInput(values.startsAtLocal);
    if (!startsAt) add("startsAt", "Pick a start date and time, or clear it to start now.");
    else if (Date.parse(startsAt) < now - PAST_START_SLACK_MS) add("startsAt", "The start is in the past: clear it to start now.");
  }
  let endsAt: string | undefined;
  if (values.timing.mode === "duration") {
    const ms = parseDuration(values.timing.duration);
    if (ms === undefined) add("duration", "Write a duration such as 90m, 4h, 1d or 1w.");
    // From the start when it is later than now: "4h" of a silence starting tonight ends 4 h after it starts.
    else endsAt = new Date(Math.max(now, startsAt ? Date.parse(startsAt) : now) + ms).toISOString();
  } else {
    endsAt = fromLocalInput(values.timing.endsAtLocal);
    if (!endsAt) add("endsAt", "Pick an end date and time.");
  }
  const parsed = silenceBodySchema.safeParse({
    matchers: values.matchers,
    ...(startsAt ? { startsAt } : {}),
    endsAt: endsAt ?? new Date(now + 3_600_000).toISOString(),
    comment: values.comment,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      // An end that could not be read is already reported; the placeholder end must not add noise.
      if (path === "endsAt" && !endsAt) continue;
      add(path === "endsAt" && values.timing.mode === "duration" ? "duration" : path || "form", issue.message);
    }
  }
  if (parsed.success && maxDurationMs !== null) {
    const start = Math.max(now, parsed.data.startsAt ? Date.parse(parsed.data.startsAt) : now);
    const problem = exceedsMaxDuration(start, Date.parse(parsed.data.endsAt), maxDurationMs);
    if (problem) add(values.timing.mode === "duration" ? "duration" : "endsAt", problem);
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
