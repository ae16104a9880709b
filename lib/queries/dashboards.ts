import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import type { InstantQueryResponse, RangeQueryResponse } from "@/lib/data/prometheus";
import type { DashboardSummary, StoredDashboard } from "@/lib/data/dashboards";
import { queryUrl, type ResolvedQuery } from "@/lib/dashboards/query-plan";
import { dashboardSchema, type Dashboard } from "@/lib/dashboards/schema";
import type { VariableQuery } from "@/lib/dashboards/variable-query";
import { queryResultLine } from "@/lib/dashboards/variable-query";
import { ApiError, fetchJson } from "./fetch-json";
import { sendJson } from "./send-json";

/*
 * Dashboards and their panels' Prometheus queries. A panel query's key is the resolved request
 * itself (expr, start, end, step): panels asking the same thing in one refresh share one request,
 * and when the range changes the old key loses its observers and TanStack Query aborts its fetch,
 * which aborts our route's upstream call.
 */

export const dashboardKeys = {
  all: ["dashboards"] as const,
  list: () => [...dashboardKeys.all, "list"] as const,
  detail: (uid: string) => [...dashboardKeys.all, "detail", uid] as const,
  /** `refresh` counts the dashboard's refreshes: each refresh asks every distinct query once more. */
  panelQuery: (query: ResolvedQuery, refresh: number) => [...dashboardKeys.all, "query", query, refresh] as const,
  variable: (query: VariableQuery, source: string | undefined, startBucket: number, endBucket: number) =>
    [...dashboardKeys.all, "variable", query, source ?? null, startBucket, endBucket] as const,
  scrapeInterval: (source?: string) => ["prometheus", "scrape-interval", source ?? null] as const,
};

export interface PanelQueryResult {
  response: RangeQueryResponse | InstantQueryResponse;
  tookMs: number;
  url: string;
}

/** One resolved query through /api/prometheus/query(_range), timed for the inspector. */
export function panelQueryOptions(query: ResolvedQuery, refresh = 0) {
  return queryOptions({
    queryKey: dashboardKeys.panelQuery(query, refresh),
    queryFn: async ({ signal }): Promise<PanelQueryResult> => {
      const url = queryUrl(query);
      const started = performance.now();
      const response = await fetchJson<RangeQueryResponse | InstantQueryResponse>(url, signal);
      return { response, tookMs: Math.round(performance.now() - started), url };
    },
    // A key is one evaluation: refreshes make new keys, so a result never goes stale in place.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    // A refused query (bad PromQL, 4xx) fails the same way again; only outages are worth one retry.
    retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    placeholderData: keepPreviousData,
  });
}

const stringList = z.object({ data: z.array(z.string()) });

/** The options of a query variable, from label values, label names or an instant query. */
export async function fetchVariableOptions(query: VariableQuery, source: string | undefined, startSeconds: number, endSeconds: number, signal?: AbortSignal): Promise<string[]> {
  const range = { start: String(startSeconds), end: String(endSeconds), ...(source ? { source } : {}) };
  switch (query.kind) {
    case "label_values": {
      const params = new URLSearchParams({ label: query.label, ...range, ...(query.match ? { match: query.match } : {}) });
      return stringList.parse(await fetchJson<unknown>(`/api/prometheus/label-values?${params.toString()}`, signal)).data;
    }
    case "label_names": {
      const params = new URLSearchParams({ ...range, ...(query.match ? { match: query.match } : {}) });
      return stringList.parse(await fetchJson<unknown>(`/api/prometheus/label-names?${params.toString()}`, signal)).data;
    }
    case "metrics": {
      const params = new URLSearchParams({ label: "__name__", ...range });
      const names = stringList.parse(await fetchJson<unknown>(`/api/prometheus/label-values?${params.toString()}`, signal)).data;
      let pattern: RegExp | undefined;
      try {
        pattern = query.regex ? new RegExp(query.regex) : undefined;
      } catch {
        pattern = undefined;
      }
      return pattern ? names.filter((name) => pattern.test(name)) : names;
    }
    case "query_result": {
      const params = new URLSearchParams({ query: query.expr, time: String(endSeconds), ...(source ? { source } : {}) });
      const answer = await fetchJson<InstantQueryResponse>(`/api/prometheus/query?${params.toString()}`, signal);
      const data = answer.data;
      if (data.resultType === "vector") return data.result.map((series) => queryResultLine(series.metric, series.value[1], Math.round(series.value[0] * 1000)));
      if (data.resultType === "scalar" || data.resultType === "string") return [String(data.result[1])];
      return data.result.map((series) => queryResultLine(series.metric, series.values[series.values.length - 1]?.[1] ?? "", 0));
    }
  }
}

export function scrapeIntervalQuery(source?: string) {
  return queryOptions({
    queryKey: dashboardKeys.scrapeInterval(source),
    queryFn: ({ signal }) => fetchJson<{ seconds: number }>(`/api/prometheus/scrape-interval${source ? `?source=${encodeURIComponent(source)}` : ""}`, signal),
    staleTime: 300_000,
  });
}

export function dashboardListQuery() {
  return queryOptions({
    queryKey: dashboardKeys.list(),
    queryFn: ({ signal }) => fetchJson<{ dashboards: DashboardSummary[] }>("/api/dashboards", signal),
  });
}

const storedSchema = z.object({
  dashboard: dashboardSchema,
  source: z.enum(["provisioned", "database"]),
  version: z.number().nullable(),
  updatedAt: z.string().nullable(),
});

export function createDashboardRequest(dashboard: Dashboard): Promise<StoredDashboard> {
  return sendJson("/api/dashboards", "POST", { dashboard }, storedSchema);
}

export async function updateDashboardRequest(dashboard: Dashboard, version: number): Promise<StoredDashboard> {
  const response = await fetch(`/api/dashboards/${encodeURIComponent(dashboard.uid)}`, {
    method: "PUT",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify({ dashboard, version }),
  }).catch(() => undefined);
  if (!response) throw new ApiError("The console's server did not answer. Is it running?", 0, undefined);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = z.object({ error: z.string() }).safeParse(body);
    throw new ApiError(parsed.success ? parsed.data.error : `The console answered ${response.status}`, response.status, undefined);
  }
  return storedSchema.parse(body);
}

export function deleteDashboardRequest(uid: string): Promise<{ deleted: string }> {
  return sendJson(`/api/dashboards/${encodeURIComponent(uid)}`, "DELETE", undefined, z.object({ deleted: z.string() }));
}
