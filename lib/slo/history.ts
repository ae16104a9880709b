import { elapsedWindowSeconds, monthStart } from "./burn";
import { errorBudget, type SloDefinition } from "./model";
import { batchExpression, eventQueries } from "./promql";

/**
 * The detail page's charts: the window cut into equal steps, failed and all events counted per
 * step (`increase` over exactly the step, so the steps tile the window), then accumulated.
 */

/** About this many points per chart. */
export const HISTORY_POINTS = 180;

export interface HistoryPlan {
  start: number;
  end: number;
  step: number;
  expr: string;
}

/** The range query (unix seconds) covering the window up to `now`; grouped SLOs answer one series per group. */
export function historyPlan(slo: SloDefinition, now: Date): HistoryPlan {
  const end = Math.floor(now.getTime() / 1000);
  const reach = elapsedWindowSeconds(slo.window, now);
  const step = Math.max(60, Math.ceil(reach / HISTORY_POINTS / 60) * 60);
  const windowStart = slo.window.kind === "rolling" ? end - reach : Math.floor(monthStart(now).getTime() / 1000);
  const queries = eventQueries(slo, `${step}s`);
  const expr =
    queries.kind === "counts"
      ? batchExpression([
          { sloId: slo.id, part: "bad", expr: queries.bad },
          { sloId: slo.id, part: "total", expr: queries.total },
        ])
      : batchExpression([{ sloId: slo.id, part: "ratio", expr: queries.ratio }]);
  return { start: windowStart + step, end, step, expr };
}

export interface HistoryPoint {
  /** Milliseconds. */
  t: number;
  /** Good share within the step; null without events. */
  sli: number | null;
  /** Budget left at this point of the window, as a share of the whole window's budget. */
  remaining: number | null;
}

/**
 * Burn-down and SLI per step. The budget is the objective's share of all events in the window so
 * far; at the last point `remaining` equals the SLO's current remaining budget.
 */
export function historyPoints(
  slo: Pick<SloDefinition, "objective">,
  bad: ReadonlyArray<readonly [number, number]>,
  total: ReadonlyArray<readonly [number, number]>,
): HistoryPoint[] {
  const budget = errorBudget(slo.objective);
  const badAt = new Map(bad.map(([time, value]) => [time, value]));
  const sorted = [...total].sort((a, b) => a[0] - b[0]);
  const allEvents = sorted.reduce((sum, [, value]) => sum + (Number.isFinite(value) ? value : 0), 0);
  let spent = 0;
  return sorted.map(([time, count]) => {
    const failed = badAt.get(time);
    const step = count > 0 && failed !== undefined && Number.isFinite(failed) ? Math.min(Math.max(failed, 0), count) : null;
    if (step !== null) spent += step;
    return {
      t: time * 1000,
      sli: step === null ? null : 1 - step / count,
      remaining: allEvents > 0 ? 1 - spent / (budget * allEvents) : null,
    };
  });
}
