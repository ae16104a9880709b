import { z } from "zod";
import { sourceParam } from "./prometheus";
import { DEFAULT_TOP_LIMIT } from "@/lib/monitoring/cardinality";

/** GET /api/monitoring/cardinality?limit=: entries per top-N list. */
export const cardinalityParamsSchema = z.object({
  source: sourceParam,
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(1000, "limit must be at most 1000")
    .default(DEFAULT_TOP_LIMIT),
});

/** GET /api/monitoring/cardinality/topk?timeout=: seconds the full scan may take. */
export const topkParamsSchema = z.object({
  source: sourceParam,
  timeout: z.coerce
    .number({ error: "timeout must be a number of seconds" })
    .int("timeout must be whole seconds")
    .min(1, "timeout must be at least 1 second")
    .max(120, "timeout must be at most 120 seconds")
    .default(20),
});

export type CardinalityParams = z.infer<typeof cardinalityParamsSchema>;
export type TopkParams = z.infer<typeof topkParamsSchema>;

/** What POST /api/alerts/test answers (lib/data/test-alerts.ts). */
export const testAlertResultSchema = z.object({
  labels: z.record(z.string(), z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  instances: z.array(z.object({ instance: z.string(), ok: z.boolean(), error: z.string().optional() })),
});
export type TestAlertResultBody = z.infer<typeof testAlertResultSchema>;
