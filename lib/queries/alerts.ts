import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import type { AlertDetail } from "@/lib/data/alert-detail";
import { ALERTS_URL } from "@/lib/http/document-preloads";
import type { AlertsOverview } from "@/lib/data/alerts";
import type { RangeQueryResponse } from "@/lib/data/prometheus";
import type { AcknowledgeInput, UnacknowledgeInput } from "@/lib/validations/alerts";
import { auditKeys } from "./audit";
import { fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

export const alertKeys = {
  all: ["alerts"] as const,
  list: () => [...alertKeys.all, "list"] as const,
  detail: (fingerprint: string) => [...alertKeys.all, "detail", fingerprint] as const,
  sparkline: (expr: string, startsAt: string) => [...alertKeys.all, "sparkline", { expr, startsAt }] as const,
};

/** How soon to ask again after an answer from an older snapshot while the server reads a newer one. */
export const REFRESHING_RETRY_MS = 250;

type AlertsAnswer = AlertsOverview & { acknowledgementsError?: string };

export function alertsQuery(refetchInterval: number | false) {
  return queryOptions({
    queryKey: alertKeys.list(),
    queryFn: ({ signal, client }) => {
      // The page shows the server's last snapshot at once; then this asks for the newer one it was reading.
      const previous = client.getQueryData<AlertsAnswer>(alertKeys.list());
      if (!previous?.refreshing) return fetchJson<AlertsAnswer>(ALERTS_URL, signal, [], { plain: true });
      return fetchJson<AlertsAnswer>(`${ALERTS_URL}?${new URLSearchParams({ after: previous.asOf }).toString()}`, signal);
    },
    refetchInterval: (query) => (query.state.data?.refreshing && query.state.status === "success" ? REFRESHING_RETRY_MS : refetchInterval),
  });
}

export function alertDetailQuery(fingerprint: string, refetchInterval: number | false) {
  return queryOptions({
    queryKey: alertKeys.detail(fingerprint),
    queryFn: ({ signal }) => fetchJson<AlertDetail>(`/api/alerts/${encodeURIComponent(fingerprint)}`, signal),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
}

/** The alert's expression from an hour before it started until now (at most 6 hours), about 120 points. */
export function sparklineQuery(expr: string, startsAt: string) {
  return queryOptions({
    queryKey: alertKeys.sparkline(expr, startsAt),
    queryFn: ({ signal }) => {
      const now = Math.floor(Date.now() / 1000);
      const start = Math.max(Math.floor(Date.parse(startsAt) / 1000) - 3600, now - 6 * 3600);
      const step = Math.max(15, Math.ceil((now - start) / 120));
      const params = new URLSearchParams({ query: expr, start: String(start), end: String(now), step: String(step) });
      return fetchJson<RangeQueryResponse>(`/api/prometheus/query_range?${params.toString()}`, signal);
    },
    staleTime: 30_000,
  });
}

const conflictSchema = z.object({ fingerprint: z.string(), startsAt: z.string(), acknowledgedBy: z.string(), acknowledgedAt: z.string() });
export const acknowledgeResponseSchema = z.object({
  cluster: z.string(),
  acknowledged: z.array(z.object({ id: z.string(), fingerprint: z.string(), startsAt: z.string() })),
  conflicts: z.array(conflictSchema),
  silence: z.union([z.object({ id: z.string(), matchers: z.array(z.string()) }), z.object({ error: z.string() })]).optional(),
});
export type AcknowledgeResponse = z.infer<typeof acknowledgeResponseSchema>;

/** Acknowledgements change the list, the detail and the audit log. */
function useAlertMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: alertKeys.all }), client.invalidateQueries({ queryKey: auditKeys.all })]),
  });
}

export function useAcknowledge() {
  return useAlertMutation((input: AcknowledgeInput) => sendJson("/api/acknowledgements", "POST", input, acknowledgeResponseSchema));
}

export function useUnacknowledge() {
  return useAlertMutation(({ id, ...input }: UnacknowledgeInput & { id: string }) =>
    sendJson(`/api/acknowledgements/${encodeURIComponent(id)}`, "DELETE", input, z.object({ id: z.string() })),
  );
}
