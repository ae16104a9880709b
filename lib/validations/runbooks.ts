import { z } from "zod";
import { parseMatchers, validateSilenceMatchers } from "../alertmanager/matchers.ts";

// Shared by the editor form, the route handlers, the CLI's import and the seed, so every way in
// refuses the same things. Relative imports only: the CLI loads this file without the bundler.

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TAG_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const ALERT_NAME_PATTERN = /^[A-Za-z_:][A-Za-z0-9_:]*$/;

/** Paths under /runbooks and /api/runbooks that are not runbooks. */
const RESERVED_SLUGS = ["new", "for-alert"];

export const MAX_BODY_CHARS = 60_000;
export const MAX_SEARCH_RESULTS = 200;
export const DEFAULT_SEARCH_RESULTS = 50;

export const slugSchema = z
  .string({ error: "slug is required." })
  .trim()
  .min(1, "slug is required.")
  .max(100, "slug is longer than 100 characters.")
  .regex(SLUG_PATTERN, "slug may hold lower-case letters, digits and single dashes, like inferno-queue-backlog.")
  .refine((value) => !RESERVED_SLUGS.includes(value), { message: "slug cannot be \"new\" or \"for-alert\" (the console uses those paths)." });

const title = z
  .string({ error: "title is required." })
  .trim()
  .min(1, "title is required.")
  .max(200, "title is longer than 200 characters.");

const body = z.string({ error: "body must be markdown text." }).max(MAX_BODY_CHARS, `body is longer than ${MAX_BODY_CHARS} characters.`);

const tag = z
  .string({ error: "each tag must be text." })
  .trim()
  .toLowerCase()
  .min(1, "a tag cannot be empty.")
  .max(40, "a tag is longer than 40 characters.")
  .regex(TAG_PATTERN, "tags hold lower-case letters, digits, '.', '_' and '-'.");

const tags = z
  .array(tag, { error: "tags must be a list of words." })
  .max(20, "at most 20 tags.")
  .transform((list) => [...new Set(list)]);

const team = z
  .string({ error: "team must be text or null." })
  .trim()
  .max(60, "team is longer than 60 characters.")
  .regex(/^(?:[a-z0-9][a-z0-9._-]*)?$/, "team holds lower-case letters, digits, '.', '_' and '-'.")
  .nullable()
  .transform((value) => (value === "" ? null : value));

const alertNames = z
  .array(
    z
      .string({ error: "each alert name must be text." })
      .trim()
      .max(200, "an alert name is longer than 200 characters.")
      .regex(ALERT_NAME_PATTERN, "an alert name looks like InfernoQueueBacklog (letters, digits, '_' and ':')."),
    { error: "alertNames must be a list of alert names." },
  )
  .max(50, "at most 50 alert names.")
  .transform((list) => [...new Set(list)]);

/** One matcher set in Alertmanager syntax; like a silence, it must not match every alert. */
export const matcherSetSchema = z
  .string({ error: "each label matcher set must be text like {team=\"ml-platform\"}." })
  .trim()
  .max(500, "a label matcher set is longer than 500 characters.")
  .superRefine((value, ctx) => {
    const parsed = parseMatchers(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error });
      return;
    }
    const problems = validateSilenceMatchers(parsed.value);
    if (problems.length > 0) ctx.addIssue({ code: "custom", message: `${value}: ${problems.map((problem) => problem.message).join("; ")}` });
  });

const labelMatchers = z
  .array(matcherSetSchema, { error: "labelMatchers must be a list of matcher sets." })
  .max(20, "at most 20 label matcher sets.")
  .transform((list) => [...new Set(list)]);

/** Everything a save can change (and a revision records). */
export const runbookContentSchema = z.strictObject({
  title,
  body,
  tags: tags.default([]),
  team: team.default(null),
  alertNames: alertNames.default([]),
  labelMatchers: labelMatchers.default([]),
});
export type RunbookContent = z.infer<typeof runbookContentSchema>;

/** POST /api/runbooks. */
export const createRunbookSchema = runbookContentSchema.extend({ slug: slugSchema });
export type CreateRunbookInput = z.infer<typeof createRunbookSchema>;

const version = z.number({ error: "version must be the number of the version you edited." }).int("version must be a whole number.").min(1, "version starts at 1.").max(2_147_483_647, "version is too large.");

/** PATCH /api/runbooks/[slug]: the whole new content, and the version it was edited from. */
export const updateRunbookSchema = runbookContentSchema.extend({ version });
export type UpdateRunbookInput = z.infer<typeof updateRunbookSchema>;

/** POST /api/runbooks/[slug]/restore: bring back revision `revision` as a new version, on top of `version`. */
export const restoreRunbookSchema = z.strictObject({
  revision: z.number({ error: "revision must be a revision number." }).int("revision must be a whole number.").min(1, "revision starts at 1.").max(2_147_483_647, "revision is too large."),
  version,
});
export type RestoreRunbookInput = z.infer<typeof restoreRunbookSchema>;

/** DELETE /api/runbooks/[slug]: optionally the version the caller saw, so a delete does not remove newer edits unseen. */
export const deleteRunbookSchema = z.strictObject({ version: version.optional() });

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** GET /api/runbooks?q=&tag=&team=&limit=. */
export const runbookSearchSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "q is longer than 200 characters.").optional()),
  tag: z.preprocess(blankToUndefined, tag.optional()),
  team: z.preprocess(blankToUndefined, z.string().trim().max(60, "team is longer than 60 characters.").optional()),
  limit: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "limit must be a number." })
      .int("limit must be a whole number.")
      .min(1, "limit must be at least 1.")
      .max(MAX_SEARCH_RESULTS, `limit must be at most ${MAX_SEARCH_RESULTS}.`)
      .default(DEFAULT_SEARCH_RESULTS),
  ),
});
export type RunbookSearch = z.infer<typeof runbookSearchSchema>;

const labelSet = z.record(z.string().max(200), z.string().max(2000));

function jsonParam(name: string) {
  const message = `${name} must be a JSON object of strings, like {"alertname":"InfernoQueueBacklog"}.`;
  return z
    .string({ error: message })
    .max(20_000, `${name} is longer than 20000 characters.`)
    .optional()
    .transform((value, ctx): Record<string, string> => {
      if (value === undefined || value.trim() === "") return {};
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      const result = labelSet.safeParse(parsed);
      if (!result.success) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return result.data;
    });
}

/** GET /api/runbooks/for-alert?labels={json}&annotations={json}. */
export const forAlertSchema = z.object({
  labels: jsonParam("labels"),
  annotations: jsonParam("annotations"),
});

// Answers, parsed in the browser.

export const runbookSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  tags: z.array(z.string()),
  team: z.string().nullable(),
  alertNames: z.array(z.string()),
  version: z.number(),
  updatedAt: z.string(),
  /** A fragment of the body around the search terms, matches between \u0001 and \u0002. */
  snippet: z.string().optional(),
  rank: z.number().optional(),
});
export type RunbookSummary = z.infer<typeof runbookSummarySchema>;

export const runbookListSchema = z.object({
  runbooks: z.array(runbookSummarySchema),
  tags: z.array(z.string()),
  teams: z.array(z.string()),
  total: z.number(),
});
export type RunbookList = z.infer<typeof runbookListSchema>;

export const runbookSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  team: z.string().nullable(),
  alertNames: z.array(z.string()),
  labelMatchers: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type RunbookView = z.infer<typeof runbookSchema>;

export const revisionSummarySchema = z.object({
  version: z.number(),
  title: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

export const revisionSchema = revisionSummarySchema.extend({
  body: z.string(),
  tags: z.array(z.string()),
  team: z.string().nullable(),
  alertNames: z.array(z.string()),
  labelMatchers: z.array(z.string()),
});
export type RevisionView = z.infer<typeof revisionSchema>;

export const revisionListSchema = z.object({ revisions: z.array(revisionSummarySchema) });

export const linkReasonSchema = z.enum(["runbook_url", "alertname", "labels"]);
export type LinkReason = z.infer<typeof linkReasonSchema>;

export const alertRunbookSchema = z.object({
  slug: z.string(),
  title: z.string(),
  team: z.string().nullable(),
  tags: z.array(z.string()),
  reason: linkReasonSchema,
  /** The matcher set that matched, for reason "labels". */
  matcher: z.string().optional(),
});
export type AlertRunbook = z.infer<typeof alertRunbookSchema>;

export const forAlertAnswerSchema = z.object({
  runbooks: z.array(alertRunbookSchema),
  /** A runbook_url that points somewhere other than this console's runbooks. */
  externalUrl: z.string().nullable(),
});
export type ForAlertAnswer = z.infer<typeof forAlertAnswerSchema>;

export const linkedAlertSchema = z.object({
  fingerprint: z.string(),
  alertname: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  state: z.string(),
  startsAt: z.string(),
  reason: linkReasonSchema,
  acknowledgement: z
    .object({ by: z.string(), at: z.string(), note: z.string().nullable(), expiresAt: z.string().nullable() })
    .nullable(),
});
export type LinkedAlert = z.infer<typeof linkedAlertSchema>;

export const linkedAlertsSchema = z.object({
  alerts: z.array(linkedAlertSchema),
  /** Alertmanagers that did not answer. */
  unreachable: z.array(z.object({ instance: z.string(), error: z.string() })),
});
export type LinkedAlerts = z.infer<typeof linkedAlertsSchema>;
