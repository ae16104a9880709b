import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { InstantQueryResponse, RangeQueryResponse } from "@/lib/data/prometheus";
import { importAnswerSchema, type DashboardImportInput } from "@/lib/validations/dashboard-import";
import type { AddPanelInput } from "@/lib/validations/explore";
import { withSource } from "@/lib/prometheus/source-url";
import { fetchJson } from "./fetch-json";
import { getJson, sendJson } from "./send-json";

export const exploreKeys = {
  all: ["explore"] as const,
  history: () => [...exploreKeys.all, "history"] as const,
  range: (expr: string, start: number, end: number, step: number, source?: string) => [...exploreKeys.all, "range", { expr, start, end, step, source }] as const,
  instant: (expr: string, time: number, source?: string) => [...exploreKeys.all, "instant", { expr, time, source }] as const,
};

const historySchema = z.object({ entries: z.array(z.object({ id: z.string(), expr: z.string(), ranAt: z.string() })) });
export type QueryHistoryEntry = z.infer<typeof historySchema>["entries"][number];

export function historyQuery() {
  return queryOptions({
    queryKey: exploreKeys.history(),
    queryFn: ({ signal }) => getJson("/api/explore/history", historySchema, signal),
  });
}

/** Records a query in the caller's history; the history list refreshes after. */
export function useRecordQuery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (expr: string) => sendJson("/api/explore/history", "POST", { expr }, z.object({ entry: z.object({ id: z.string() }) })),
    onSettled: () => client.invalidateQueries({ queryKey: exploreKeys.history() }),
  });
}

/** A range query over a fixed window: Explore runs what the URL says, it does not follow the clock. */
export function exploreRangeQuery(expr: string, start: number, end: number, step: number, source?: string) {
  return queryOptions({
    queryKey: exploreKeys.range(expr, start, end, step, source),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) });
      return fetchJson<RangeQueryResponse>(withSource(`/api/prometheus/query_range?${params.toString()}`, source), signal);
    },
    enabled: expr.trim() !== "",
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function exploreInstantQuery(expr: string, time: number, source?: string) {
  return queryOptions({
    queryKey: exploreKeys.instant(expr, time, source),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ query: expr, time: String(time) });
      return fetchJson<InstantQueryResponse>(withSource(`/api/prometheus/query?${params.toString()}`, source), signal);
    },
    enabled: expr.trim() !== "",
    placeholderData: keepPreviousData,
    retry: false,
  });
}

const addedSchema = z.object({ uid: z.string(), url: z.string(), panelId: z.string() });

/** Appends Explore's query to a stored dashboard, or creates one holding it. */
export function useAddToDashboard() {
  return useMutation({
    mutationFn: ({ uid, input }: { uid: string; input: AddPanelInput }) =>
      sendJson(`/api/dashboards/${encodeURIComponent(uid)}/panels`, "POST", input, addedSchema),
  });
}

/** Converts (dryRun) or imports a Grafana dashboard. */
export function useGrafanaImport() {
  return useMutation({
    mutationFn: ({ input, dryRun }: { input: DashboardImportInput; dryRun: boolean }) =>
      sendJson(`/api/dashboards/import${dryRun ? "?dryRun=1" : ""}`, "POST", input, importAnswerSchema),
  });
}
