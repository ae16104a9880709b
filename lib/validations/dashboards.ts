import { z } from "zod";
import { dashboardSchema, dashboardUidSchema } from "@/lib/dashboards/schema";
import { sourceParam } from "./prometheus";
import { timestampParam } from "./time";

export const dashboardUidParam = dashboardUidSchema;

/** POST /api/dashboards: the whole dashboard (new, save as, import). */
export const createDashboardBodySchema = z.strictObject({ dashboard: dashboardSchema });

/** PUT /api/dashboards/[uid]: the new dashboard and the version the editor started from. */
export const updateDashboardBodySchema = z.strictObject({
  dashboard: dashboardSchema,
  version: z.number({ error: "version is required (the version you edited)" }).int().min(1),
});

export const listDashboardsQuerySchema = z.object({
  q: z.string().max(200, "q is longer than 200 characters").optional(),
  tag: z.string().max(50, "tag is longer than 50 characters").optional(),
});

const labelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "label must be a label name such as job");
const selector = z.string().trim().min(1).max(5_000, "match is longer than 5000 characters");

/** GET /api/prometheus/label-values: values of one label, optionally among series matching a selector. */
export const labelValuesQuerySchema = z.object({
  label: labelName,
  source: sourceParam,
  match: selector.optional(),
  start: timestampParam.optional(),
  end: timestampParam.optional(),
});

/** GET /api/prometheus/label-names: label names, optionally of series matching a selector. */
export const labelNamesQuerySchema = z.object({
  source: sourceParam,
  match: selector.optional(),
  start: timestampParam.optional(),
  end: timestampParam.optional(),
});

export type LabelValuesQuery = z.infer<typeof labelValuesQuerySchema>;
export type LabelNamesQuery = z.infer<typeof labelNamesQuerySchema>;

/** A blank dashboard for "New dashboard". */
export function blankDashboard(uid: string, title: string) {
  return dashboardSchema.parse({ uid, title, panels: [] });
}

/** A uid from a title: "LLM agents (copy)" -> "llm-agents-copy-x3f". */
export function uidFromTitle(title: string, suffix: string): string {
  const base = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
  return `${base || "dashboard"}-${suffix}`.replace(/^-/, "");
}
