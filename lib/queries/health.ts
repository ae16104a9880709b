import { queryOptions } from "@tanstack/react-query";
import type { HealthReport } from "@/lib/data/health";
import { fetchJson } from "./fetch-json";

export const healthKeys = {
  all: ["health"] as const,
};

export function healthQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: healthKeys.all,
    // 503 still carries the full report: which dependency is down is the point of the panel.
    queryFn: ({ signal }) => fetchJson<HealthReport>("/api/health", signal, [503]),
    refetchInterval,
  });
}
