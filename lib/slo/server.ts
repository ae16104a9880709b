import "server-only";
import path from "node:path";
import { getAlertsOverview } from "@/lib/data/alerts";
import { NotFoundError } from "@/lib/errors";
import { getPrometheus } from "@/lib/prometheus/client";
import { rowsForAlert, sloMatchesAlert } from "./alert-match";
import { withHistoryLimits, type SloStatus } from "./compute";
import { fetchStatusesPreferringRules, retentionFromFlags, type InstantQueryFn } from "./fetch";
import { historyPlan, historyPoints, type HistoryPoint } from "./history";
import { loadSlos } from "./load";
import { windowLabel, type SloDefinition } from "./model";
import { vectorSamples } from "./prometheus-http";
import { formatProblem } from "./spec";

/** Where the console reads SLO files: `slos/` of the checkout it runs from. */
export function sloDirectory(): string {
  return path.join(process.cwd(), "slos");
}

export interface SloCatalog {
  slos: SloDefinition[];
  /** Problems in the files; the SLOs of the good files are still listed. */
  problems: string[];
}

export function readSloCatalog(): SloCatalog {
  try {
    const result = loadSlos(sloDirectory());
    return result.ok ? { slos: result.slos, problems: [] } : { slos: [], problems: result.problems.map(formatProblem) };
  } catch (error) {
    return { slos: [], problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** One row of the list: figures plus what the filters read. */
export interface SloRow extends SloStatus {
  /** Read from the series `vigil slo rules` records, or computed from the raw series. */
  source: "rules" | "queries";
  description: string;
  labels: Record<string, string>;
  sliKind: SloDefinition["sli"]["kind"];
  windowLabel: string;
}

export interface SloList {
  rows: SloRow[];
  problems: string[];
  evaluatedAt: string;
}

function instantQuery(signal?: AbortSignal): InstantQueryFn {
  const client = getPrometheus();
  return async (expr, time) => vectorSamples((await client.query(expr, { time, signal })).data);
}

/** Retention from the flags and the oldest sample Prometheus holds (when it scrapes itself). */
async function historyLimits(signal?: AbortSignal): Promise<{ retentionSeconds?: number; oldestSampleSeconds?: number }> {
  const client = getPrometheus();
  const [flags, oldest] = await Promise.allSettled([
    client.flags({ signal }),
    client.query('min(prometheus_tsdb_lowest_timestamp_seconds{job="prometheus"})', { signal }),
  ]);
  const retentionSeconds = flags.status === "fulfilled" ? retentionFromFlags(flags.value.data) : undefined;
  const oldestSample = oldest.status === "fulfilled" ? vectorSamples(oldest.value.data)[0]?.value : undefined;
  return { retentionSeconds, oldestSampleSeconds: oldestSample !== undefined && Number.isFinite(oldestSample) ? oldestSample : undefined };
}

function rowsOf(slos: readonly SloDefinition[], statuses: ReadonlyArray<SloStatus & { source: "rules" | "queries" }>): SloRow[] {
  const byId = new Map(slos.map((slo) => [slo.id, slo]));
  return statuses.flatMap((status) => {
    const slo = byId.get(status.id);
    return slo ? [{ ...status, description: slo.description, labels: slo.labels, sliKind: slo.sli.kind, windowLabel: windowLabel(slo.window) }] : [];
  });
}

/**
 * Every SLO's figures: one request for what the recording rules hold, eight batched queries for the
 * SLOs they do not cover, and two for the history limits.
 */
export async function listSlos(signal?: AbortSignal, only?: (slo: SloDefinition) => boolean): Promise<SloList> {
  const catalog = readSloCatalog();
  const slos = only ? catalog.slos.filter(only) : catalog.slos;
  const now = new Date();
  const [limits, statuses] = await Promise.all([historyLimits(signal), fetchStatusesPreferringRules(slos, instantQuery(signal), { now })]);
  const flagged = withHistoryLimits(statuses, slos, { now, ...limits });
  return { rows: rowsOf(slos, flagged), problems: catalog.problems, evaluatedAt: now.toISOString() };
}

export interface SloDetail {
  slo: {
    id: string;
    service: string;
    name: string;
    description: string;
    objective: number;
    windowLabel: string;
    sliKind: SloDefinition["sli"]["kind"];
    groupBy?: string;
    labels: Record<string, string>;
    runbookUrl?: string;
    dashboards: SloDefinition["dashboards"];
    source: SloDefinition["source"];
  };
  rows: SloRow[];
  alerts: Array<{ fingerprint: string; labels: Record<string, string>; state: string; startsAt: string; summary?: string }>;
  alertsError?: string;
  evaluatedAt: string;
}

export function findSlo(id: string): SloDefinition {
  const slo = readSloCatalog().slos.find((candidate) => candidate.id === id);
  if (!slo) throw new NotFoundError(`No SLO with id ${id}.`);
  return slo;
}

/** One SLO's figures (every group value) and the alerts firing for it. */
export async function sloDetail(id: string, signal?: AbortSignal): Promise<SloDetail> {
  const slo = findSlo(id);
  const [list, alerts] = await Promise.all([listSlos(signal, (candidate) => candidate.id === id), getAlertsOverview(signal).then(
    (overview) => ({ ok: true as const, alerts: overview.alerts }),
    (error: unknown) => ({ ok: false as const, message: error instanceof Error ? error.message : String(error) }),
  )]);
  return {
    slo: {
      id: slo.id,
      service: slo.service,
      name: slo.name,
      description: slo.description,
      objective: slo.objective,
      windowLabel: windowLabel(slo.window),
      sliKind: slo.sli.kind,
      groupBy: slo.groupBy,
      labels: slo.labels,
      runbookUrl: slo.runbookUrl,
      dashboards: slo.dashboards,
      source: { ...slo.source, file: path.relative(process.cwd(), slo.source.file) },
    },
    rows: list.rows,
    alerts: alerts.ok
      ? alerts.alerts
          .filter((alert) => alert.labels.slo_id === id)
          .map((alert) => ({
            fingerprint: alert.fingerprint,
            labels: alert.labels,
            state: alert.status.state,
            startsAt: alert.startsAt,
            summary: alert.annotations.summary,
          }))
      : [],
    alertsError: alerts.ok ? undefined : alerts.message,
    evaluatedAt: list.evaluatedAt,
  };
}

export interface SloHistorySeries {
  group?: string;
  points: HistoryPoint[];
}

export interface SloHistory {
  step: number;
  series: SloHistorySeries[];
}

/** Burn-down and SLI over the window: one range query. */
export async function sloHistory(id: string, signal?: AbortSignal): Promise<SloHistory> {
  const slo = findSlo(id);
  const plan = historyPlan(slo, new Date());
  const result = await getPrometheus().queryRange(plan.expr, { start: plan.start, end: plan.end, step: plan.step, signal });
  const groups = new Map<string, { bad: Array<[number, number]>; total: Array<[number, number]> }>();
  for (const series of result.data.result) {
    const key = slo.groupBy ? (series.metric[slo.groupBy] ?? "") : "";
    const entry = groups.get(key) ?? { bad: [], total: [] };
    const points = series.values.map(([time, value]): [number, number] => [time, Number(value)]);
    if (series.metric.slo_part === "bad") entry.bad.push(...points);
    if (series.metric.slo_part === "total") entry.total.push(...points);
    groups.set(key, entry);
  }
  return {
    step: plan.step,
    series: [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, entry]) => ({ group: slo.groupBy ? group : undefined, points: historyPoints(slo, entry.bad, entry.total) })),
  };
}

export interface AlertSlos {
  rows: Array<SloRow & { burning: boolean }>;
  evaluatedAt: string;
}

/**
 * The SLOs an alert is about: the one its `slo_id` names (our burn-rate alerts), else those of its
 * `service`; for grouped SLOs, only the group value the alert carries. Burning ones first.
 */
export async function slosForAlert(labels: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<AlertSlos> {
  const list = await listSlos(signal, (slo) => sloMatchesAlert(slo, labels));
  return { rows: rowsForAlert(list.rows, labels), evaluatedAt: list.evaluatedAt };
}
