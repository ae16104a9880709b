import { queryOptions } from "@tanstack/react-query";
import type { AlertsOverview } from "@/lib/data/alerts";
import { fetchJson } from "./fetch-json";

export const alertKeys = {
  all: ["alerts"] as const,
  list: () => [...alertKeys.all, "list"] as const,
};

export function alertsQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: alertKeys.list(),
    queryFn: ({ signal }) => fetchJson<AlertsOverview>("/api/alerts", signal),
    refetchInterval,
  });
}
