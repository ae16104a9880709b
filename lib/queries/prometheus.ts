import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { TargetsSummary } from "@/lib/prometheus/targets-summary";
import type { RangeQueryResponse } from "@/lib/data/prometheus";
import { fetchJson } from "./fetch-json";

export const prometheusKeys = {
  all: ["prometheus"] as const,
  targets: () => [...prometheusKeys.all, "targets"] as const,
  range: (query: string, rangeSeconds: number, stepSeconds: number) =>
    [...prometheusKeys.all, "range", { query, rangeSeconds, stepSeconds }] as const,
};

export function targetsQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: prometheusKeys.targets(),
    queryFn: ({ signal }) => fetchJson<TargetsSummary>("/api/prometheus/targets", signal),
    refetchInterval,
  });
}

/** A range query ending now; each refetch moves the window forward. */
export function rangeQuery(query: string, rangeSeconds: number, stepSeconds: number, refetchInterval: number | false) {
  return queryOptions({
    queryKey: prometheusKeys.range(query, rangeSeconds, stepSeconds),
    queryFn: ({ signal }) => {
      // Align the window on the step so consecutive refreshes share points and do not jitter.
      const end = Math.floor(Date.now() / 1000 / stepSeconds) * stepSeconds;
      const params = new URLSearchParams({
        query,
        start: String(end - rangeSeconds),
        end: String(end),
        step: String(stepSeconds),
      });
      return fetchJson<RangeQueryResponse>(`/api/prometheus/query_range?${params.toString()}`, signal);
    },
    refetchInterval,
    placeholderData: keepPreviousData,
  });
}
