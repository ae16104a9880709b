import { queryOptions } from "@tanstack/react-query";
import type { CardinalityView } from "@/lib/monitoring/cardinality";
import type { ConsoleHealth } from "@/lib/monitoring/console-health";
import type { RulesView } from "@/lib/monitoring/rules";
import type { RoutingOverview, TopMetrics } from "@/lib/monitoring/server";
import type { TargetsView } from "@/lib/monitoring/targets";
import { fetchJson } from "./fetch-json";

export const monitoringKeys = {
  all: ["monitoring"] as const,
  targets: () => [...monitoringKeys.all, "targets"] as const,
  rules: () => [...monitoringKeys.all, "rules"] as const,
  cardinality: (limit: number) => [...monitoringKeys.all, "cardinality", { limit }] as const,
  topMetrics: (timeout: number) => [...monitoringKeys.all, "cardinality", "topk", { timeout }] as const,
  routing: () => [...monitoringKeys.all, "routing"] as const,
  console: () => [...monitoringKeys.all, "console"] as const,
};

export function monitoringTargetsQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: monitoringKeys.targets(),
    queryFn: ({ signal }) => fetchJson<TargetsView>("/api/monitoring/targets", signal),
    refetchInterval,
  });
}

export function monitoringRulesQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: monitoringKeys.rules(),
    queryFn: ({ signal }) => fetchJson<RulesView>("/api/monitoring/rules", signal),
    refetchInterval,
  });
}

export function cardinalityQuery(limit: number, refetchInterval: number | false) {
  return queryOptions({
    queryKey: monitoringKeys.cardinality(limit),
    queryFn: ({ signal }) => fetchJson<CardinalityView>(`/api/monitoring/cardinality?limit=${limit}`, signal),
    refetchInterval,
  });
}

/** The full scan: never refetched by itself, only when asked again. */
export function topMetricsQuery(timeout: number) {
  return queryOptions({
    queryKey: monitoringKeys.topMetrics(timeout),
    queryFn: ({ signal }) => fetchJson<TopMetrics>(`/api/monitoring/cardinality/topk?timeout=${timeout}`, signal),
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
