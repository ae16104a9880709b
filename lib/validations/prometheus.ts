import { z } from "zod";
import { durationParam, timestampParam } from "./time";

/** Prometheus refuses range queries that would return more points than this per series. */
export const MAX_POINTS_PER_SERIES = 11_000;

const promql = z
  .string({ error: "query is required" })
  .trim()
  .min(1, "query is required")
  .max(50_000, "query is longer than 50000 characters");

/** The name every configured-source list starts with: PROMETHEUS_URL. */
export const DEFAULT_SOURCE_NAME = "default";

/** Source names as PROMETHEUS_SOURCES allows them (lib/env.ts checks the same pattern). */
export const SOURCE_NAME_REGEX = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * `source`: which configured Prometheus-API source answers (the default when absent). Only the
 * shape is checked here, shared with the browser; the server then refuses a name that is not
 * configured with a 400 listing the names there are.
 */
export const sourceParam = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.string().regex(SOURCE_NAME_REGEX, "must be a source name (lower-case letters, digits, - and _)").optional(),
);

export const instantQuerySchema = z.object({
  query: promql,
  source: sourceParam,
  time: timestampParam.optional(),
});

export const rangeQuerySchema = z
  .object({
    query: promql,
    source: sourceParam,
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

/** Routes whose only parameter is the source. */
export const sourceQuerySchema = z.object({ source: sourceParam });
