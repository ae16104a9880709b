import { chooseStep } from "@/lib/prometheus/step";
import { MAX_POINTS_PER_SERIES } from "@/lib/validations/prometheus";
import { parseDuration } from "@/lib/validations/time";
import { normalizeSource } from "./datasource";
import { interpolate, rateInterval, type VariableValues } from "./interpolate";
import type { Target } from "./schema";

/*
 * From a panel's targets to the exact requests sent to Prometheus. The resolved request is
 * also the TanStack Query key, so panels asking the same thing share one request per refresh.
 */

export interface PanelQueryContext {
  /** Unix ms of the range; `toMs` is the evaluation instant of instant queries. */
  fromMs: number;
  toMs: number;
  /** Plot width in CSS pixels: no more points than pixels. */
  widthPx: number;
  scrapeIntervalSeconds: number;
  variables: VariableValues;
  /** The configured source the panel asks, variables expanded; absent for the default source. */
  source?: string;
}

/** `source` is absent for the default source, so a query and its key read the same however the default was named. */
export type ResolvedQuery =
  | { kind: "range"; expr: string; start: number; end: number; step: number; source?: string }
  | { kind: "instant"; expr: string; time: number; source?: string };

export interface PlannedTarget {
  refId: string;
  legendFormat?: string;
  query: ResolvedQuery;
  /** What $__interval stood for (the step). */
  intervalSeconds: number;
}

/** The step for one target: about one point per pixel, at least the scrape interval and the target's min interval. */
export function targetStep(target: Pick<Target, "minInterval">, context: Pick<PanelQueryContext, "fromMs" | "toMs" | "widthPx" | "scrapeIntervalSeconds">): number {
  const rangeSeconds = Math.max(1, (context.toMs - context.fromMs) / 1000);
  const minInterval = target.minInterval ? (parseDuration(target.minInterval) ?? 0) : 0;
  const step = chooseStep({
    rangeSeconds,
    widthPx: Math.max(context.widthPx, 50),
    minStepSeconds: Math.max(context.scrapeIntervalSeconds, minInterval, 1),
  });
  // chooseStep already respects the 11,000-point limit; keep the promise even if its table changes.
  return Math.max(step, Math.ceil(rangeSeconds / MAX_POINTS_PER_SERIES));
}

/** Every visible target of a panel, resolved: variables expanded, step chosen, the window aligned on the step. */
export function planTargets(targets: readonly Target[], context: PanelQueryContext): PlannedTarget[] {
  const source = normalizeSource(context.source);
  const onSource = source ? { source } : {};
  const rangeSeconds = Math.max(1, Math.round((context.toMs - context.fromMs) / 1000));
  return targets
    .filter((target) => !target.hide)
    .map((target) => {
      const step = targetStep(target, context);
      const builtins = { intervalSeconds: step, rateIntervalSeconds: rateInterval(step, context.scrapeIntervalSeconds), rangeSeconds };
      const expr = interpolate(target.expr, context.variables, builtins);
      const endSeconds = Math.floor(context.toMs / 1000);
      const query: ResolvedQuery = target.instant
        ? { kind: "instant", expr, time: endSeconds, ...onSource }
        : {
            kind: "range",
            expr,
            // Aligned on the step so successive refreshes reuse points and lines do not shimmer.
            start: Math.floor(context.fromMs / 1000 / step) * step,
            end: Math.floor(endSeconds / step) * step,
            step,
            ...onSource,
          };
      return { refId: target.refId, legendFormat: target.legendFormat, query, intervalSeconds: step };
    });
}

/** The URL of our own API route for a resolved query. */
export function queryUrl(query: ResolvedQuery): string {
  const params =
    query.kind === "range"
      ? new URLSearchParams({ query: query.expr, start: String(query.start), end: String(query.end), step: String(query.step) })
      : new URLSearchParams({ query: query.expr, time: String(query.time) });
  if (query.source) params.set("source", query.source);
  return `/api/prometheus/${query.kind === "range" ? "query_range" : "query"}?${params.toString()}`;
}

/** Distinct resolved queries: what one refresh of a set of panels sends. */
export function distinctQueries(queries: readonly ResolvedQuery[]): ResolvedQuery[] {
  const seen = new Map<string, ResolvedQuery>();
  for (const query of queries) seen.set(JSON.stringify(query.kind === "range" ? [query.kind, query.expr, query.start, query.end, query.step, query.source] : [query.kind, query.expr, query.time, query.source]), query);
  return [...seen.values()];
}

/** Grid units are 30 px tall, as in Grafana; the width is a share of 24 columns. */
export function panelWidthPx(gridWidth: number, containerPx: number): number {
  return Math.max(100, Math.floor((containerPx * gridWidth) / 24) - 24);
}
