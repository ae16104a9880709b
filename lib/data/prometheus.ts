import "server-only";
import { getPrometheus } from "@/lib/prometheus/client";
import { summarizeTargets, type TargetsSummary } from "@/lib/prometheus/targets-summary";
import type { InstantQuery, RangeQuery } from "@/lib/validations/prometheus";

/** What /api/prometheus/query_range answers: Prometheus's own envelope, warnings kept. */
export type RangeQueryResponse = Awaited<ReturnType<typeof rangeQuery>>;
export type InstantQueryResponse = Awaited<ReturnType<typeof instantQuery>>;

export async function instantQuery(params: InstantQuery, signal?: AbortSignal) {
  const result = await getPrometheus().query(params.query, { time: params.time, signal });
  return { status: "success" as const, data: result.data, warnings: result.warnings };
}

export async function rangeQuery(params: RangeQuery, signal?: AbortSignal) {
  const result = await getPrometheus().queryRange(params.query, {
    start: params.start,
    end: params.end,
    step: params.step,
    signal,
  });
  return { status: "success" as const, data: result.data, warnings: result.warnings };
}

export async function targetsSummary(signal?: AbortSignal): Promise<TargetsSummary> {
  const result = await getPrometheus().targets({ state: "active", signal });
  return summarizeTargets(result.data.activeTargets);
}
