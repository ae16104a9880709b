import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type { TargetsSummary } from "@/lib/prometheus/targets-summary";
import type { RangeQueryResponse } from "@/lib/data/prometheus";
import { fetchJson } from "./fetch-json";

export const prometheusKeys = {
  all: ["prometheus"] as const,
  targets: () => [...prometheusKeys.all, "targets"] as const,
  sources: () => [...prometheusKeys.all, "sources"] as const,
  range: (query: string, rangeSeconds: number, stepSeconds: number) =>
    [...prometheusKeys.all, "range", { query, rangeSeconds, stepSeconds }] as const,
};

const sourcesSchema = z.object({
  sources: z.array(z.object({ name: z.string(), url: z.string(), isDefault: z.boolean() })),
});
export type SourceOption = z.infer<typeof sourcesSchema>["sources"][number];

/** The configured Prometheus-API sources, the default first; they change only with the console's configuration. */
export function sourcesQuery() {
  return queryOptions({
    queryKey: prometheusKeys.sources(),
    queryFn: async ({ signal }) => sourcesSchema.parse(await fetchJson<unknown>("/api/prometheus/sources", signal)).sources,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

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
