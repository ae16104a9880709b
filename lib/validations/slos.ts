import { z } from "zod";

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
