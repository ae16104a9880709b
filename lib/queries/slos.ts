import { queryOptions } from "@tanstack/react-query";
import type { AlertSlos, SloDetail, SloHistory, SloList } from "@/lib/slo/server";
import { fetchJson } from "./fetch-json";

/** SLO figures move slowly (the shortest burn window is 5 minutes): a minute between refreshes is plenty. */
export const SLO_REFRESH_MS = 60_000;

export const sloKeys = {
  all: ["slos"] as const,
  list: () => [...sloKeys.all, "list"] as const,
  detail: (id: string) => [...sloKeys.all, "detail", id] as const,
  history: (id: string) => [...sloKeys.all, "history", id] as const,
  forAlert: (labels: Record<string, string>) => [...sloKeys.all, "for-alert", labels] as const,
};

export function sloListQuery() {
  return queryOptions({
    queryKey: sloKeys.list(),
    queryFn: ({ signal }) => fetchJson<SloList>("/api/slos", signal),
    refetchInterval: SLO_REFRESH_MS,
  });
}

export function sloDetailQuery(id: string) {
  return queryOptions({
    queryKey: sloKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<SloDetail>(`/api/slos/${encodeURIComponent(id)}`, signal),
    refetchInterval: SLO_REFRESH_MS,
  });
}

export function sloHistoryQuery(id: string) {
  return queryOptions({
    queryKey: sloKeys.history(id),
    queryFn: ({ signal }) => fetchJson<SloHistory>(`/api/slos/${encodeURIComponent(id)}/history`, signal),
    refetchInterval: 5 * SLO_REFRESH_MS,
  });
}

export function alertSlosQuery(labels: Record<string, string>) {
  return queryOptions({
    queryKey: sloKeys.forAlert(labels),
    queryFn: ({ signal }) => fetchJson<AlertSlos>(`/api/slos/for-alert?labels=${encodeURIComponent(JSON.stringify(labels))}`, signal),
    refetchInterval: SLO_REFRESH_MS,
  });
}
