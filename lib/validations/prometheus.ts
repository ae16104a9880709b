import { z } from "zod";
import { durationParam, timestampParam } from "./time";

/** Prometheus refuses range queries that would return more points than this per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

const promql = z
  .string({ error: "query is required" })
  .trim()
  .min(1, "query is required")
  .max(50_000, "query is longer than 50000 characters");

export const instantQuerySchema = z.object({
  query: promql,
  time: timestampParam.optional(),
});

export const rangeQuerySchema = z
  .object({
    query: promql,
    start: timestampParam,
    end: timestampParam,
    step: durationParam,
  })
  .superRefine((value, ctx) => {
    if (value.end < value.start) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "end must not be before start" });
    }
    const points = (value.end - value.start) / value.step;
    if (points > MAX_POINTS_PER_SERIES) {
      ctx.addIssue({
        code: "custom",
        path: ["step"],
        message: `a step of ${value.step}s over this range gives ${Math.ceil(points)} points per series; Prometheus allows ${MAX_POINTS_PER_SERIES}, so use a step of at least ${Math.ceil((value.end - value.start) / MAX_POINTS_PER_SERIES)}s`,
      });
    }
  });

export type InstantQuery = z.infer<typeof instantQuerySchema>;
export type RangeQuery = z.infer<typeof rangeQuerySchema>;
