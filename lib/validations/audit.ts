import { z } from "zod";

/** Rows per page of the audit log when the request does not say. */
export const DEFAULT_AUDIT_LIMIT = 100;
/** The most rows one page may hold. */
export const MAX_AUDIT_LIMIT = 1000;

const MAX_BIGINT = 9_223_372_036_854_775_807n;

// An empty parameter (a blank field in the filter form) means "no filter".
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const text = (name: string, max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${name} is longer than ${max} characters.`).optional());

const instant = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .union([z.iso.datetime({ offset: true }), z.iso.date()], {
        error: `${name} must be an ISO 8601 time with a zone, like 2026-11-21T09:30:00Z, or a date like 2026-11-21.`,
      })
      .transform((value) => new Date(value))
      .optional(),
  );

/**
 * The audit log's filters, from the query string of GET /api/audit, its CSV export and the
 * /audit page: who (a user or token id, or part of a name), what (an action, or a prefix ending in
 * "." or "*"), on what (target type and/or id), when (from inclusive, to exclusive), and paging
 * (the id of the last row seen, and how many rows to answer).
 */
export const auditFilterSchema = z
  .object({
    actor: text("actor", 200),
    action: text("action", 100),
    targetType: text("targetType", 100),
    targetId: text("targetId", 200),
    from: instant("from"),
    to: instant("to"),
    cursor: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^\d{1,19}$/, "cursor must be the id of an audit event (digits only).")
        .transform((value) => BigInt(value))
        .refine((value) => value <= MAX_BIGINT, "cursor is out of range.")
        .optional(),
    ),
    limit: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "limit must be a number." })
        .int("limit must be a whole number.")
        .min(1, "limit must be at least 1.")
        .max(MAX_AUDIT_LIMIT, `limit may be at most ${MAX_AUDIT_LIMIT}.`)
        .default(DEFAULT_AUDIT_LIMIT),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.from && value.to && value.to.getTime() <= value.from.getTime()) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "to must be after from." });
    }
  });

export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** How an action filter matches: "user." and "user.*" match every action starting "user.", anything else exactly. */
export function actionMatch(action: string): { prefix: string } | { exact: string } {
  if (action.endsWith("*")) return { prefix: action.slice(0, -1) };
  if (action.endsWith(".")) return { prefix: action };
  return { exact: action };
}

/** The filters that select rows (everything but paging), as the strings a URL carries. */
export interface AuditFilterParams {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** ISO 8601. */
  from?: string;
  to?: string;
}

const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

/** The filter parameters of a parsed query, for links (Export CSV) and query keys. */
export function filterParams(filters: AuditFilters): AuditFilterParams {
  const params: AuditFilterParams = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value instanceof Date) params[key] = value.toISOString();
    else if (value) params[key] = value;
  }
  return params;
}

/** A query string of the non-empty filters in a fixed order, without the leading "?". */
export function filterQueryString(params: AuditFilterParams, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) search.set(key, value);
  return search.toString();
}

/** One audit event as GET /api/audit answers it. */
export const auditEventRowSchema = z.object({
  /** A bigint in the database, a string here: JSON numbers lose precision past 2^53. */
  id: z.string().regex(/^\d+$/),
  at: z.iso.datetime({ offset: true }),
  actorType: z.enum(["user", "token", "system"]),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** The target's state before and after, secrets left out; null for creations and deletions. */
  before: z.unknown(),
  after: z.unknown(),
  requestAddress: z.string().nullable(),
});

export const auditPageSchema = z.object({
  events: z.array(auditEventRowSchema),
  /** Pass as `cursor` for the next (older) page; null when this page is the last. */
  nextCursor: z.string().nullable(),
});

export type AuditEventRow = z.infer<typeof auditEventRowSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
