import { z } from "zod";
import { dashboardUidSchema } from "@/lib/dashboards/schema";
import { ValidationError } from "@/lib/errors";
import { SOURCE_NAME_REGEX, sourceParam } from "./prometheus";
import { timestampParam } from "./time";

/** Queries kept per person in Explore's history. */
export const QUERY_HISTORY_LIMIT = 100;
export const MAX_EXPR_LENGTH = 20_000;

const expr = z
  .string({ error: "expr is required" })
  .trim()
  .min(1, "expr is required")
  .max(MAX_EXPR_LENGTH, `expr is longer than ${MAX_EXPR_LENGTH} characters`);

/** POST /api/explore/history: a query someone ran. */
export const queryHistoryEntrySchema = z.strictObject({ expr });

/** A selector for the metadata routes: what codemirror-promql sends as match[] ({__name__="x",job="y"}). */
const selector = z.string().trim().min(1, "match[] is empty").max(4_000, "match[] is longer than 4000 characters");

/** GET /api/prometheus/labels, /series and /label/<name>/values: Prometheus's own parameters. */
export const seriesLookupSchema = z.object({
  source: sourceParam,
  "match[]": z.array(selector).max(20, "at most 20 match[] selectors"),
  start: timestampParam.optional(),
  end: timestampParam.optional(),
  limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1).max(100_000).optional(),
});
export type SeriesLookup = z.infer<typeof seriesLookupSchema>;

/** A label name, as Prometheus allows (UTF-8 names are quoted in selectors but plain in this path). */
export const labelNameSchema = z.string().min(1, "is required").max(1_000, "is longer than 1000 characters");

export const metadataLookupSchema = z.object({
  source: sourceParam,
  metric: z.string().trim().min(1).max(1_000).optional(),
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(100_000).optional(),
});

/** The panel Explore adds to a dashboard: one query drawn as a time series. */
export const explorePanelSchema = z.strictObject({
  title: z.string({ error: "panel.title is required" }).trim().min(1, "is required").max(200, "is longer than 200 characters"),
  expr,
  legendFormat: z.string().max(500, "is longer than 500 characters").optional(),
  /** The source Explore queried; the panel keeps asking it. */
  datasource: z.string().regex(SOURCE_NAME_REGEX, "must be a source name (lower-case letters, digits, - and _)").optional(),
});

/**
 * POST /api/dashboards/<uid>/panels: append the panel to that stored dashboard, or, with `create`,
 * make a new dashboard under that uid holding the panel.
 */
export const addPanelSchema = z.strictObject({
  panel: explorePanelSchema,
  create: z.strictObject({ title: z.string().trim().min(1, "is required").max(200, "is longer than 200 characters") }).optional(),
});
export type AddPanelInput = z.infer<typeof addPanelSchema>;

export const uidParamSchema = dashboardUidSchema;

/** Explore's URL: /explore?expr=...&range=1h&end=...&step=...&tab=graph. Bad values fall back to defaults. */
export const EXPLORE_RANGES = ["5m", "15m", "30m", "1h", "3h", "6h", "12h", "24h", "2d", "7d"] as const;
export const exploreUrlSchema = z.object({
  expr: z.string().max(MAX_EXPR_LENGTH).catch(""),
  range: z.enum(EXPLORE_RANGES).catch("1h"),
  /** Unix seconds; absent means now. */
  end: z.coerce.number().int().positive().optional().catch(undefined),
  /** Seconds; absent means chosen from the range and the chart width. */
  step: z.coerce.number().positive().max(86_400).optional().catch(undefined),
  tab: z.enum(["graph", "table"]).catch("graph"),
  /** The Prometheus-API source queried; absent means the default. */
  source: z.string().regex(SOURCE_NAME_REGEX).optional().catch(undefined),
});
export type ExploreUrlState = z.infer<typeof exploreUrlSchema>;

/** The query string of the label and series routes; match[] repeats, so it is read with getAll. */
export function parseSeriesLookup(request: Request): SeriesLookup {
  const params = new URL(request.url).searchParams;
  const input = {
    "match[]": params.getAll("match[]"),
    start: params.get("start") ?? undefined,
    end: params.get("end") ?? undefined,
    limit: params.get("limit") ?? undefined,
    source: params.get("source") ?? undefined,
  };
  const result = seriesLookupSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join(".") || "query", message: issue.message }));
  throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), issues);
}
