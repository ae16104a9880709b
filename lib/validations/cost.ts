import { z } from "zod";

/** A Prometheus label value we store (tenant, team, model): printable, no control characters. */
const labelValue = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} is longer than ${max} characters`)
    .regex(/^[^\p{Cc}]+$/u, `${field} must not contain control characters`);

const usd = (field: string, max: number) =>
  z
    .number({ error: `${field} must be a number of US dollars` })
    .finite(`${field} must be a finite number`)
    .min(0, `${field} must not be negative`)
    .max(max, `${field} must be at most ${max}`);

/** POST /api/cost/budgets: create or replace a tenant's monthly budget. */
export const budgetSchema = z.strictObject({
  tenant: labelValue("tenant", 200),
  team: labelValue("team", 200).nullish(),
  monthlyUsd: usd("monthlyUsd", 1e9).refine((value) => value > 0, "monthlyUsd must be more than 0"),
});
export type BudgetInput = z.infer<typeof budgetSchema>;

export const MODEL_PRICE_KINDS = ["api", "self_hosted"] as const;

/** POST /api/cost/prices: create or replace a model's token prices. */
export const modelPriceSchema = z.strictObject({
  model: labelValue("model", 300),
  kind: z.enum(MODEL_PRICE_KINDS, { error: 'kind must be "api" or "self_hosted"' }),
  inputUsdPer1k: usd("inputUsdPer1k", 1000),
  outputUsdPer1k: usd("outputUsdPer1k", 1000),
});
export type ModelPriceInput = z.infer<typeof modelPriceSchema>;

/** GET /api/gpus/heatmap: the window, 5 minutes to 7 days. */
export const heatmapParamsSchema = z.strictObject({
  range: z.coerce
    .number({ error: "range must be a number of seconds" })
    .int("range must be whole seconds")
    .min(300, "range must be at least 300 seconds")
    .max(7 * 86_400, "range must be at most 604800 seconds (7 days)")
    .default(6 * 3600),
});

/** GET /api/gpus: the window for XID events and energy. */
export const fleetParamsSchema = heatmapParamsSchema;
