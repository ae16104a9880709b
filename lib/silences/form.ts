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
  /** ISO start, or undefined for "now" (an active silence being edited keeps its own). */
  startsAt?: string;
  comment: string;
}

export type BuiltSilence = { ok: true; body: SilenceBody } | { ok: false; errors: Record<string, string[]> };

export function buildSilenceBody(values: SilenceFormValues, now: number, maxDurationMs: number | null): BuiltSilence {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);
  let endsAt: string | undefined;
  if (values.timing.mode === "duration") {
    const ms = parseDuration(values.timing.duration);
    if (ms === undefined) add("duration", "Write a duration such as 90m, 4h, 1d or 1w.");
    else endsAt = new Date(Math.max(now, values.startsAt ? Date.parse(values.startsAt) : now) + ms).toISOString();
  } else {
    endsAt = fromLocalInput(values.timing.endsAtLocal);
    if (!endsAt) add("endsAt", "Pick an end date and time.");
  }
  const parsed = silenceBodySchema.safeParse({
    matchers: values.matchers,
    ...(values.startsAt ? { startsAt: values.startsAt } : {}),
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
