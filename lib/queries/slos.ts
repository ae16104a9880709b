import { queryOptions } from "@tanstack/react-query";
import type { AlertSlos, SloDetail, SloHistory, SloList } from "@/lib/slo/server";
import { z } from "zod";
import type { StoredSloSpecInput } from "@/lib/slo/spec";
import { fetchJson } from "./fetch-json";
import { getJson, sendJson } from "./send-json";

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

const savedSchema = z.object({ id: z.string(), version: z.number() });
const deletedSchema = z.object({ deleted: z.string() });
const edgesSchema = z.object({ edges: z.array(z.string()) });
const previewSchema = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      group: z.object({ label: z.string(), value: z.string() }).optional(),
      objective: z.number(),
      sli: z.number().nullable(),
      errorBudgetRemaining: z.number().nullable(),
      eventsLeft: z.number().nullable(),
      burnRates: z.record(z.string(), z.number().nullable()),
      flags: z.array(z.string()),
    }),
  ),
  evaluatedAt: z.string(),
});
export type SloPreview = z.infer<typeof previewSchema>;
/** A 409's `current`: who saved the newer version, and when. */
export const sloConflictSchema = z.object({ version: z.number(), updatedBy: z.string(), updatedAt: z.string() });

export function createSloRequest(spec: StoredSloSpecInput) {
  return sendJson("/api/slos", "POST", { spec }, savedSchema);
}

export function updateSloRequest(id: string, version: number, spec: StoredSloSpecInput) {
  return sendJson(`/api/slos/${encodeURIComponent(id)}`, "PUT", { version, spec }, savedSchema);
}

export function deleteSloRequest(id: string, version: number) {
  return sendJson(`/api/slos/${encodeURIComponent(id)}`, "DELETE", { version }, deletedSchema);
}

/** The histogram's bucket edges, the only thresholds the editor offers. */
export function leEdgesQuery(histogram: string, datasource: string) {
  const params = new URLSearchParams({ histogram, ...(datasource ? { datasource } : {}) });
  return queryOptions({
    queryKey: [...sloKeys.all, "le-edges", histogram, datasource] as const,
    queryFn: ({ signal }) => getJson(`/api/slos/le-edges?${params.toString()}`, edgesSchema, signal),
    enabled: histogram.trim() !== "",
    staleTime: 60_000,
  });
}

/** The editor's live preview: the unsaved spec evaluated by the server as the list evaluates SLOs. */
export function sloPreviewQuery(spec: StoredSloSpecInput | undefined) {
  return queryOptions({
    queryKey: [...sloKeys.all, "preview", JSON.stringify(spec ?? null)] as const,
    queryFn: () => sendJson("/api/slos/preview", "POST", { spec }, previewSchema),
    enabled: spec !== undefined,
    staleTime: 30_000,
    retry: false,
  });
}
