import { z } from "zod";
import { compileMatcherRegex, matcherFromType, validateSilenceMatchers, type MatchType } from "@/lib/alertmanager/matchers";
import type { Matcher } from "@/lib/alertmanager/types";
import { cronProblem, isTimeZone, scheduleProblem } from "@/lib/silences/schedule";

/*
 * One schema for the silence form (field errors before anything is sent) and the route handlers
 * (the same checks again, server-side). Alertmanager checks more (a time in the past, its own
 * limits); its messages are passed on verbatim.
 */

export const MATCH_OPERATORS = ["=", "!=", "=~", "!~"] as const satisfies readonly MatchType[];

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** The most matchers one silence may have; real ones have a handful. */
export const MAX_MATCHERS = 30;

const isoTime = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be an RFC 3339 time with a zone, like 2026-11-21T09:30:00Z.` });

/** One row of the matcher editor: a label name, an operator and a value (a regex for =~ and !~). */
export const matcherInputSchema = z
  .strictObject({
    name: z
      .string({ error: "The label name is required." })
      .min(1, "The label name is required.")
      .max(200, "The label name is longer than 200 characters.")
      .regex(LABEL_NAME, "A label name is letters, digits and underscores, not starting with a digit."),
    operator: z.enum(MATCH_OPERATORS, { error: "The operator must be one of =, !=, =~ or !~." }),
    value: z.string({ error: "The value must be text." }).max(1024, "The value is longer than 1024 characters."),
  })
  .superRefine((row, ctx) => {
    if (row.operator === "=~" || row.operator === "!~") {
      const compiled = compileMatcherRegex(row.value);
      if (!compiled.ok) ctx.addIssue({ code: "custom", path: ["value"], message: compiled.error });
    }
  });

export type MatcherInput = z.infer<typeof matcherInputSchema>;

/** Alertmanager's matcher shape from an editor row. */
export function toAlertmanagerMatcher(row: MatcherInput): Matcher {
  return matcherFromType(row.name, row.operator, row.value);
}

/** An editor row from Alertmanager's matcher shape. */
export function toMatcherInput(matcher: Matcher): MatcherInput {
  const equal = matcher.isEqual ?? true;
  const operator: MatchType = matcher.isRegex ? (equal ? "=~" : "!~") : equal ? "=" : "!=";
  return { name: matcher.name, operator, value: matcher.value };
}

const matchersField = z
  .array(matcherInputSchema, { error: "matchers must be a list of {name, operator, value}." })
  .min(1, "Add at least one matcher.")
  .max(MAX_MATCHERS, `At most ${MAX_MATCHERS} matchers.`)
  .superRefine((rows, ctx) => {
    // The set as a whole, as Alertmanager checks it; per-row problems are reported by the rows.
    const problems = validateSilenceMatchers(rows.map(toAlertmanagerMatcher));
    for (const problem of problems) {
      if (problem.index === -1) ctx.addIssue({ code: "custom", message: problem.message });
    }
  });

const comment = z
  .string({ error: "A comment is required: say why these alerts are silenced." })
  .trim()
  .min(1, "A comment is required: say why these alerts are silenced.")
  .max(4000, "The comment is longer than 4000 characters.");

/**
 * A silence to create (POST /api/silences) or to replace (PUT /api/silences/[id]). `startsAt`
 * defaults to now; createdBy is not accepted: the server sets it to the signed-in person.
 */
export const silenceBodySchema = z
  .strictObject({
    matchers: matchersField,
    startsAt: isoTime("startsAt").optional(),
    endsAt: isoTime("endsAt"),
    comment,
  })
  .superRefine((body, ctx) => {
    const start = body.startsAt ? Date.parse(body.startsAt) : Date.now();
    const end = Date.parse(body.endsAt);
    if (end <= start) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start." });
    else if (end <= Date.now()) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end is in the past." });
  });

export type SilenceBody = z.infer<typeof silenceBodySchema>;

/** A silence id as Alertmanager makes them (a UUID), in a route's path. */
export const silenceIdSchema = z.guid({ error: "must be a silence ID (a UUID)." });

/** DELETE takes no body, or an empty object. */
export const expireBodySchema = z.strictObject({});

// --- Durations --------------------------------------------------------------------------------

export const DURATION_PRESETS = ["30m", "1h", "2h", "4h", "8h", "1d", "3d", "1w"] as const;
export { formatDuration, parseDuration } from "@/lib/silences/duration";

// --- The list's filters (in the URL) ----------------------------------------------------------

export const SILENCE_STATES = ["active", "pending", "expired"] as const;
export type SilenceStateFilter = (typeof SILENCE_STATES)[number];

export interface SilenceListFilters {
  /** Which states to show; none means active and pending. */
  states: SilenceStateFilter[];
  /** Matchers in Alertmanager's syntax, applied as Alertmanager's silence filter applies them. */
  matchers: string;
  text: string;
  creator: string;
}

export const DEFAULT_SILENCE_STATES: SilenceStateFilter[] = ["active", "pending"];

/** The list's filters from the URL's search params; unknown states are ignored. */
export function silenceFiltersFromParams(params: URLSearchParams): SilenceListFilters {
  const stateParam = params.get("state");
  const states = stateParam
    ? stateParam.split(",").filter((state): state is SilenceStateFilter => SILENCE_STATES.some((known) => known === state))
    : [];
  return {
    states: states.length > 0 ? states : DEFAULT_SILENCE_STATES,
    matchers: params.get("matchers") ?? "",
    text: params.get("q") ?? "",
    creator: params.get("creator") ?? "",
  };
}

/** The query string of the filters that differ from the defaults, without the "?". */
export function silenceFiltersToParams(filters: SilenceListFilters): string {
  const search = new URLSearchParams();
  const defaults = [...DEFAULT_SILENCE_STATES].sort().join(",");
  const states = [...filters.states].sort().join(",");
  if (states !== defaults) search.set("state", SILENCE_STATES.filter((state) => filters.states.includes(state)).join(","));
  if (filters.matchers.trim()) search.set("matchers", filters.matchers.trim());
  if (filters.text.trim()) search.set("q", filters.text.trim());
  if (filters.creator.trim()) search.set("creator", filters.creator.trim());
  return search.toString();
}

// --- Recurring maintenance windows -------------------------------------------------------------

export const windowScheduleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("weekly"),
      days: z
        .array(z.number().int().min(0).max(6), { error: "days must be a list of weekdays, 0 (Sunday) to 6 (Saturday)." })
        .min(1, "Pick at least one day.")
        .max(7, "At most seven days."),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "The start time must be HH:MM, 24-hour clock."),
    }),
    z.strictObject({
      kind: z.literal("cron"),
      expression: z
        .string()
        .max(200, "The cron expression is longer than 200 characters.")
        .superRefine((expression, ctx) => {
          const problem = cronProblem(expression);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    }),
  ],
  { error: 'schedule must be {kind: "weekly", days, time} or {kind: "cron", expression}.' },
);

/** A maintenance window to create (POST /api/maintenance-windows) or replace (PUT .../[id]). */
export const maintenanceWindowBodySchema = z
  .strictObject({
    name: z.string({ error: "A name is required." }).trim().min(1, "A name is required.").max(200, "The name is longer than 200 characters."),
    schedule: windowScheduleSchema,
    durationMinutes: z
      .number({ error: "durationMinutes must be a number of minutes." })
      .int("durationMinutes must be whole minutes.")
      .min(5, "A window lasts at least 5 minutes.")
      .max(7 * 24 * 60, "A window lasts at most a week."),
    timezone: z
      .string({ error: "timezone must be an IANA time zone such as Europe/Paris or UTC." })
      .max(100, "The time zone is longer than 100 characters.")
      .refine(isTimeZone, "timezone must be an IANA time zone such as Europe/Paris or UTC."),
    matchers: matchersField,
    comment,
    enabled: z.boolean({ error: "enabled must be true or false." }).default(true),
  })
  .superRefine((body, ctx) => {
    // Only once the schedule and the zone are sound on their own (their fields report otherwise).
    // (A failed field check does not stop this refinement in zod 4: hence the schedule is parsed again.)
    if (!isTimeZone(body.timezone) || !windowScheduleSchema.safeParse(body.schedule).success) return;
    const problem = scheduleProblem(body, new Date());
    if (problem) ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: problem });
  });

export type MaintenanceWindowBody = z.infer<typeof maintenanceWindowBodySchema>;

/** A maintenance window as the API answers it. */
export const maintenanceWindowSchema = z.object({
  id: z.string(),
  name: z.string(),
  schedule: windowScheduleSchema,
  durationMinutes: z.number(),
  timezone: z.string(),
  matchers: z.array(matcherInputSchema),
  comment: z.string(),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The next few occurrences (ISO 8601). */
  next: z.array(z.object({ start: z.string(), end: z.string() })),
  /** Silences Vigil created for recent occurrences, newest first. */
  recent: z.array(z.object({ start: z.string(), end: z.string(), silenceId: z.string().nullable() })),
});
export type MaintenanceWindowView = z.infer<typeof maintenanceWindowSchema>;

export const maintenanceWindowListSchema = z.object({ windows: z.array(maintenanceWindowSchema) });

/** A maintenance window id (a UUID), in a route's path. */
export const windowIdSchema = z.guid({ error: "must be a maintenance window id (a UUID)." });
