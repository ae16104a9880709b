import { queryOptions } from "@tanstack/react-query";
import type { CardinalityView } from "@/lib/monitoring/cardinality";
import type { ConsoleHealth } from "@/lib/monitoring/console-health";
import type { RulesView } from "@/lib/monitoring/rules";
import type { RoutingOverview, TopMetrics } from "@/lib/monitoring/server";
import type { TargetsView } from "@/lib/monitoring/targets";
import { withSource } from "@/lib/prometheus/source-url";
import { fetchJson } from "./fetch-json";

export const monitoringKeys = {
  all: ["monitoring"] as const,
  targets: (source?: string) => [...monitoringKeys.all, "targets", { source }] as const,
  rules: (source?: string) => [...monitoringKeys.all, "rules", { source }] as const,
  cardinality: (limit: number, source?: string) => [...monitoringKeys.all, "cardinality", { limit, source }] as const,
  topMetrics: (timeout: number, source?: string) => [...monitoringKeys.all, "cardinality", "topk", { timeout, source }] as const,
  routing: () => [...monitoringKeys.all, "routing"] as const,
  console: () => [...monitoringKeys.all, "console"] as const,
};

/** `source`: which configured Prometheus-API source the page looks at (the default when absent). */
export function monitoringTargetsQuery(refetchInterval: number | false, source?: string) {
  return queryOptions({
    queryKey: monitoringKeys.targets(source),
    queryFn: ({ signal }) => fetchJson<TargetsView>(withSource("/api/monitoring/targets", source), signal),
    refetchInterval,
  });
}

export function monitoringRulesQuery(refetchInterval: number | false, source?: string) {
  return queryOptions({
    queryKey: monitoringKeys.rules(source),
    queryFn: ({ signal }) => fetchJson<RulesView>(withSource("/api/monitoring/rules", source), signal),
    refetchInterval,
  });
}

export function cardinalityQuery(limit: number, refetchInterval: number | false, source?: string) {
  return queryOptions({
    queryKey: monitoringKeys.cardinality(limit, source),
    queryFn: ({ signal }) => fetchJson<CardinalityView>(withSource(`/api/monitoring/cardinality?limit=${limit}`, source), signal),
    refetchInterval,
  });
}

/** The full scan: never refetched by itself, only when asked again. */
export function topMetricsQuery(timeout: number, source?: string) {
  return queryOptions({
    queryKey: monitoringKeys.topMetrics(timeout, source),
    queryFn: ({ signal }) => fetchJson<TopMetrics>(withSource(`/api/monitoring/cardinality/topk?timeout=${timeout}`, source), signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function routingQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: monitoringKeys.routing(),
    queryFn: ({ signal }) => fetchJson<RoutingOverview>("/api/monitoring/routing", signal),
    refetchInterval,
  });
}

export function consoleHealthQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: monitoringKeys.console(),
    queryFn: ({ signal }) => fetchJson<ConsoleHealth>("/api/monitoring/console", signal),
    refetchInterval,
  });
}
