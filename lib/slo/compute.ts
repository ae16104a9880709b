import { alertConditions, elapsedWindowSeconds, windowSeconds, type ConditionState } from "./burn";
import { parseDuration } from "./duration";
import { errorBudget, perBurnWindow, windowKey, type BurnWindow, type SloDefinition } from "./model";

/**
 * SLO figures from event counts. Pure: the counts come from Prometheus (see fetch.ts), the
 * arithmetic and every honesty rule (no data is null, never 100 %) live here.
 */

export type Flag =
  /** The selectors match nothing, or nothing happened in the window: figures are null. */
  | "no-data"
  /** So few events that one failure spends more than a tenth of the budget. */
  | "too-few-events"
  /** Prometheus keeps less history than the window: figures cover only what it kept. */
  | "partial-window"
  /** Events exist but the failed-events query answered nothing (often a latency threshold that is not a bucket edge). */
  | "errors-query-empty";

/** Counts over one range; null where the query answered nothing. */
export interface Counts {
  bad: number | null;
  total: number | null;
  /** Good events, when failed ones are counted as total - good. */
  good?: number | null;
  /** For raw error-ratio SLIs: the ratio itself. */
  ratio?: number | null;
}

export type RangeKey = BurnWindow | "window";

export interface EvaluateContext {
  now: Date;
  /** How much history Prometheus keeps (from its flags), when known. */
  retentionSeconds?: number;
  /** The oldest sample Prometheus holds, when known. */
  oldestSampleSeconds?: number;
}

export interface SloStatus {
  id: string;
  /** `id` plus the group value for grouped SLOs: unique per row. */
  key: string;
  service: string;
  slo: string;
  group?: { label: string; value: string };
  objective: number;
  window: string;
  sli: number | null;
  errorBudgetRemaining: number | null;
  eventsLeft: number | null;
  totalEvents: number | null;
  badEvents: number | null;
  burnRates: Record<BurnWindow, number | null>;
  alerts: { page: boolean; ticket: boolean };
  conditions: ConditionState[];
  /** At the 1h burn rate; null when the budget is not shrinking (or there is no data). */
  timeToExhaustionSeconds: number | null;
  flags: Flag[];
}

/** A budget allowing fewer failed events than this is flagged as too few events. */
export const MIN_ALLOWED_FAILURES = 10;

function errorRatio(counts: Counts | undefined): number | null {
  if (!counts) return null;
  if (counts.ratio !== undefined) return counts.ratio !== null && Number.isFinite(counts.ratio) ? Math.max(0, counts.ratio) : null;
  if (counts.total === null || counts.bad === null || !(counts.total > 0)) return null;
  return clamp(counts.bad / counts.total, 0, 1);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function evaluateSlo(
  slo: SloDefinition,
  counts: Partial<Record<RangeKey, Counts>>,
  context: EvaluateContext,
  group?: { label: string; value: string },
): SloStatus {
  const budget = errorBudget(slo.objective);
  const flags: Flag[] = [];
  const windowCounts = counts.window;
  const ratio = errorRatio(windowCounts);
  const total = windowCounts?.total ?? null;
  const bad = windowCounts && windowCounts.bad !== null && total !== null ? clamp(windowCounts.bad, 0, total) : null;
  const hasTraffic = windowCounts?.ratio !== undefined ? ratio !== null : total !== null && total > 0;

  if (!hasTraffic) flags.push("no-data");
  else if (ratio === null) flags.push("errors-query-empty");
  if (hasTraffic && total !== null && total * budget < MIN_ALLOWED_FAILURES) flags.push("too-few-events");

  const length = windowSeconds(slo.window, context.now);
  if (isPartialWindow(slo, context)) flags.push("partial-window");

  const burnRates = perBurnWindow((window) => {
    const windowRatio = errorRatio(counts[window]);
    return windowRatio === null ? null : windowRatio / budget;
  });
  const conditions = alertConditions(burnRates, length);

  const sli = ratio === null ? null : 1 - ratio;
  const errorBudgetRemaining = ratio === null ? null : 1 - ratio / budget;
  const eventsLeft = ratio === null || total === null || bad === null ? null : Math.floor(total * budget - bad);
  const burnNow = burnRates["1h"];
  let timeToExhaustionSeconds: number | null = null;
  if (errorBudgetRemaining !== null && burnNow !== null && burnNow > 0) {
    timeToExhaustionSeconds = Math.max(0, (errorBudgetRemaining * length) / burnNow);
  }

  return {
    id: slo.id,
    key: group ? `${slo.id}:${group.value}` : slo.id,
    service: slo.service,
    slo: slo.name,
    group,
    objective: slo.objective,
    window: windowKey(slo.window),
    sli,
    errorBudgetRemaining,
    eventsLeft,
    totalEvents: total,
    badEvents: bad,
    burnRates,
    alerts: {
      page: conditions.some((condition) => condition.severity === "page" && condition.firing),
      ticket: conditions.some((condition) => condition.severity === "ticket" && condition.firing),
    },
    conditions,
    timeToExhaustionSeconds,
    flags,
  };
}

/** Whether Prometheus keeps (or holds) less history than the SLO's window reaches back. */
export function isPartialWindow(slo: Pick<SloDefinition, "window">, context: EvaluateContext): boolean {
  const reach = elapsedWindowSeconds(slo.window, context.now);
  const nowSeconds = context.now.getTime() / 1000;
  return (
    (context.retentionSeconds !== undefined && context.retentionSeconds > 0 && context.retentionSeconds < reach) ||
    (context.oldestSampleSeconds !== undefined && nowSeconds - context.oldestSampleSeconds < reach)
  );
}

/** Adds the partial-window flag where the history limits (learnt in parallel with the figures) call for it. */
export function withHistoryLimits<T extends SloStatus>(statuses: readonly T[], slos: readonly SloDefinition[], context: EvaluateContext): T[] {
  const byId = new Map(slos.map((slo) => [slo.id, slo]));
  return statuses.map((status) => {
    const slo = byId.get(status.id);
    if (!slo || status.flags.includes("partial-window") || !isPartialWindow(slo, context)) return status;
    const flags: Flag[] = [...status.flags, "partial-window"];
    return { ...status, flags };
  });
}

/** The range each key stands for: burn windows as written, the SLO window as its length so far. */
export function rangeFor(key: RangeKey, slo: Pick<SloDefinition, "window">, now: Date): string {
  if (key !== "window") return key;
  return slo.window.kind === "rolling" ? `${slo.window.days}d` : `${elapsedWindowSeconds(slo.window, now)}s`;
}

export function rangeSeconds(range: string): number {
  return parseDuration(range) ?? 0;
}

/** The `--json` shape of `vigil slo status` (documented in the issue): null means no data. */
export interface StatusJson {
  service: string;
  slo: string;
  group?: Record<string, string>;
  objective: number;
  window: string;
  sli: number | null;
  errorBudgetRemaining: number | null;
  eventsLeft: number | null;
  burnRates: Record<BurnWindow, number | null>;
  alerts: { page: boolean; ticket: boolean };
  flags: Flag[];
}

export function statusJson(status: SloStatus): StatusJson {
  return {
    service: status.service,
    slo: status.slo,
    ...(status.group ? { group: { [status.group.label]: status.group.value } } : {}),
    objective: status.objective,
    window: status.window,
    sli: status.sli,
    errorBudgetRemaining: status.errorBudgetRemaining,
    eventsLeft: status.eventsLeft,
    burnRates: status.burnRates,
    alerts: status.alerts,
    flags: status.flags,
  };
}
