"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { panelSource, sourceProblem } from "@/lib/dashboards/datasource";
import { planTargets, type PlannedTarget } from "@/lib/dashboards/query-plan";
import type { Panel } from "@/lib/dashboards/schema";
import { buildFrames, type Frame } from "@/lib/dashboards/series";
import { panelQueryOptions, type PanelQueryResult } from "@/lib/queries/dashboards";
import { useDashboardContext } from "./dashboard-context";

export interface PanelQueryError {
  refId: string;
  expr: string;
  message: string;
}

export interface PanelData {
  /** The source the panel asks, variables expanded; undefined for the default source. */
  source: string | undefined;
  planned: PlannedTarget[];
  results: Array<{ target: PlannedTarget; result: PanelQueryResult | undefined; error: Error | null; fetching: boolean }>;
  frames: Frame[];
  errors: PanelQueryError[];
  /** Nothing to show yet (first load). */
  loading: boolean;
  fetching: boolean;
}

/** Runs a panel's targets for its width and the dashboard's range; each failure stays with its own panel. */
export function usePanelData(panel: Panel, widthPx: number | null): PanelData {
  const context = useDashboardContext();
  const { fromMs, toMs, scrapeIntervalSeconds, variables, ready, refresh, sources } = context;
  const source = panelSource(panel.datasource, context.datasource, variables);
  const problem = ready ? sourceProblem(source, sources) : undefined;
  const planned = useMemo(
    () => (widthPx === null || panel.type === "text" ? [] : planTargets(panel.targets, { fromMs, toMs, widthPx, scrapeIntervalSeconds, variables, source })),
    [panel.targets, panel.type, widthPx, fromMs, toMs, scrapeIntervalSeconds, variables, source],
  );
  const queries = useQueries({
    queries: planned.map((target) => ({ ...panelQueryOptions(target.query, refresh), enabled: ready && !problem && panel.type !== "unsupported" })),
  });
  const stamp = queries.map((query) => `${query.dataUpdatedAt}:${query.errorUpdatedAt}:${query.status}`).join("|");
  return useMemo(() => {
    const results = planned.map((target, index) => {
      const query = queries[index];
      return { target, result: query?.data, error: query?.error ?? null, fetching: query?.isFetching ?? false };
    });
    const frames = buildFrames(
      results.flatMap(({ target, result }) => (result ? [{ refId: target.refId, legendFormat: target.legendFormat, data: result.response.data }] : [])),
      panel.fieldConfig,
    );
    if (problem && panel.type !== "text" && panel.type !== "unsupported") {
      return { source, planned, results, frames: [], errors: [{ refId: "source", expr: "", message: problem }], loading: false, fetching: false };
    }
    const errors = results.flatMap(({ target, error }) => (error ? [{ refId: target.refId, expr: target.query.expr, message: error.message }] : []));
    const loading = planned.length > 0 && results.every(({ result, error }) => !result && !error) && panel.type !== "unsupported";
    return { source, planned, results, frames, errors, loading: loading || (widthPx === null && panel.type !== "text"), fetching: results.some((item) => item.fetching) };
    // `queries` is a new array each render; `stamp` says when any of them changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp, planned, panel.fieldConfig, panel.type, widthPx, problem, source]);
}
