import { z } from "zod";
import { storedSloSpecSchema } from "@/lib/slo/spec";

/** An SLO id: `<service>--<name>`, lower-case letters, digits and dashes. */
export const sloIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,200}$/, "id must be an SLO id like counterfactual-lab--availability");

export const sloParamsSchema = z.object({ id: sloIdSchema });

/** GET /api/slos/for-alert?labels={"service":"…"}: an alert's labels, as JSON. */
export const forAlertQuerySchema = z.object({
  labels: z
    .string({ error: "labels is required: the alert's labels as a JSON object" })
    .max(8000, "labels is longer than 8000 characters")
    .transform((text, context) => {
      try {
        const value: unknown = JSON.parse(text);
        return value;
      } catch {
        context.addIssue({ code: "custom", message: "labels must be a JSON object of label names to values" });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string(), { error: "labels must be a JSON object of label names to string values" })),
});

/** The list page's filters and sort, kept in the URL. */
export const sloListFilterSchema = z.object({
  service: z.string().max(200).optional(),
  team: z.string().max(200).optional(),
  /** `name=value` over the SLO's labels. */
  label: z.string().max(400).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(["budget", "name", "burn"]).default("budget"),
});
export type SloListFilter = z.infer<typeof sloListFilterSchema>;

/** POST /api/slos: a new SLO (its id is `<service>--<name>`). */
export const createSloBodySchema = z.strictObject({ spec: storedSloSpecSchema });
export type CreateSloBody = z.infer<typeof createSloBodySchema>;

/** PUT /api/slos/[id]: the spec saved over `version` (the one the editor opened). */
export const updateSloBodySchema = z.strictObject({
  version: z.number({ error: "version is required: the version you edited" }).int("version is a whole number").min(1, "version starts at 1"),
  spec: storedSloSpecSchema,
});
export type UpdateSloBody = z.infer<typeof updateSloBodySchema>;

/** DELETE /api/slos/[id]: optionally the version the person saw (409 when the SLO changed since). */
export const deleteSloBodySchema = z.strictObject({
  version: z.number({ error: "version must be a number" }).int("version is a whole number").min(1, "version starts at 1").optional(),
});

/** POST /api/slos/preview: the spec being edited, evaluated without saving. */
export const previewSloBodySchema = z.strictObject({ spec: storedSloSpecSchema });

/** GET /api/slos/le-edges?histogram=metric{matchers}&datasource=name: the bucket edges of a histogram. */
export const leEdgesQuerySchema = z.object({
  histogram: z
    .string({ error: "histogram is required: the histogram's base name with matchers, like http_request_duration_seconds{job=\"api\"}" })
    .min(1, "histogram is required")
    .max(2000, "histogram is longer than 2000 characters"),
  datasource: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "datasource is the name of a Prometheus source").optional(),
});

/** GET /api/slos/rules?datasource=name */
export const sloRulesQuerySchema = z.object({
  datasource: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "datasource is the name of a Prometheus source").optional(),
});
