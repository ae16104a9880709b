import "server-only";
import path from "node:path";
import { getAlertsOverview } from "@/lib/data/alerts";
import { NotFoundError } from "@/lib/errors";
import { listStoredSlos, type StoredSloMeta } from "@/lib/data/slo-definitions";
import { DEFAULT_SOURCE, getPrometheus } from "@/lib/prometheus/client";
import { discoverExternalSlos, type ExternalSloList } from "./external-server";
import { rowsForAlert, sloMatchesAlert } from "./alert-match";
import { withHistoryLimits, type SloStatus } from "./compute";
import { fetchStatuses, fetchStatusesPreferringRules, retentionFromFlags, type InstantQueryFn } from "./fetch";
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

/** SLO files and the SLOs stored in Postgres together; a database outage leaves the files listed with a problem. */
export async function readAllSlos(): Promise<SloCatalog & { stored: Map<string, StoredSloMeta> }> {
  const files = readSloCatalog();
  const fileIds = new Set(files.slos.map((slo) => slo.id));
  try {
    const stored = await listStoredSlos();
    // A file SLO wins over a stored one of the same id (created before the file appeared).
    const extra = stored.slos.filter((entry) => !fileIds.has(entry.id));
    return {
      slos: [...files.slos, ...extra.map((entry) => entry.slo)],
      problems: [...files.problems, ...stored.problems],
      stored: new Map(extra.map((entry) => [entry.id, { id: entry.id, version: entry.version, createdBy: entry.createdBy, updatedBy: entry.updatedBy, createdAt: entry.createdAt, updatedAt: entry.updatedAt }])),
    };
  } catch (error) {
    return { ...files, problems: [...files.problems, `The SLOs stored in the console could not be read: ${error instanceof Error ? error.message : String(error)}`], stored: new Map() };
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
  /** A file in slos/ (read-only) or the console's database (editable by editors). */
  origin: "file" | "stored";
  datasource?: string;
}

export interface SloList {
  rows: SloRow[];
  problems: string[];
  evaluatedAt: string;
  /** SLOs that Sloth or Pyrra record in Prometheus (read-only). */
  external: ExternalSloList;
}

function instantQuery(signal?: AbortSignal, datasource?: string): InstantQueryFn {
  const client = getPrometheus(datasource);
  return async (expr, time) => vectorSamples((await client.query(expr, { time, signal })).data);
}

/**
 * Figures for SLOs read from several Prometheus sources: one batch per source. A source that fails
 * fails only its SLOs' rows (no data, with the reason as a problem).
 */
async function statusesBySource(
  slos: readonly SloDefinition[],
  now: Date,
  signal?: AbortSignal,
): Promise<{ statuses: Array<SloStatus & { source: "rules" | "queries" }>; problems: string[] }> {
  const bySource = new Map<string, SloDefinition[]>();
  for (const slo of slos) {
    const key = slo.datasource ?? DEFAULT_SOURCE;
    bySource.set(key, [...(bySource.get(key) ?? []), slo]);
  }
  const problems: string[] = [];
  const results = await Promise.all(
    [...bySource].map(async ([source, group]) => {
      if (source === DEFAULT_SOURCE) return fetchStatusesPreferringRules(group, instantQuery(signal), { now });
      try {
        return await fetchStatusesPreferringRules(group, instantQuery(signal, source), { now });
      } catch (error) {
        problems.push(`Prometheus source "${source}" (${group.map((slo) => slo.id).join(", ")}): ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    }),
  );
  const byId = new Map(results.flat().map((status) => [status.key, status]));
  return { statuses: [...byId.values()], problems };
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
    return slo
      ? [
          {
            ...status,
            description: slo.description,
            labels: slo.labels,
            sliKind: slo.sli.kind,
            windowLabel: windowLabel(slo.window),
            origin: slo.source.format === "stored" ? ("stored" as const) : ("file" as const),
            datasource: slo.datasource,
          },
        ]
      : [];
  });
}

/** Figures of one SLO that is not saved yet (the editor's preview), computed as the list computes them. */
export async function previewSlo(slo: SloDefinition, signal?: AbortSignal): Promise<{ rows: SloRow[]; evaluatedAt: string }> {
  const now = new Date();
  const statuses = await fetchStatuses([slo], instantQuery(signal, slo.datasource), { now });
  return { rows: rowsOf([slo], statuses.map((status) => ({ ...status, source: "queries" as const }))), evaluatedAt: now.toISOString() };
}

/**
 * Every SLO's figures: one request for what the recording rules hold, eight batched queries for the
 * SLOs they do not cover, and two for the history limits.
 */
export async function listSlos(signal?: AbortSignal, only?: (slo: SloDefinition) => boolean, { external = false }: { external?: boolean } = {}): Promise<SloList> {
  const catalog = await readAllSlos();
  const slos = only ? catalog.slos.filter(only) : catalog.slos;
  const now = new Date();
  const [limits, bySource, discovered] = await Promise.all([
    historyLimits(signal),
    statusesBySource(slos, now, signal),
    external ? discoverExternalSlos(signal) : Promise.resolve<ExternalSloList>({ slos: [] }),
  ]);
  const flagged = withHistoryLimits(bySource.statuses, slos, { now, ...limits });
  return { rows: rowsOf(slos, flagged), problems: [...catalog.problems, ...bySource.problems], evaluatedAt: now.toISOString(), external: discovered };
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
    datasource?: string;
  };
  /** Set for SLOs stored in the console: the version an edit starts from, and who changed it. */
  stored?: StoredSloMeta;
  rows: SloRow[];
  alerts: Array<{ fingerprint: string; labels: Record<string, string>; state: string; startsAt: string; summary?: string }>;
  alertsError?: string;
  evaluatedAt: string;
}

export async function findSlo(id: string): Promise<SloDefinition> {
  const slo = (await readAllSlos()).slos.find((candidate) => candidate.id === id);
  if (!slo) throw new NotFoundError(`No SLO with id ${id}.`);
  return slo;
}

/** One SLO's figures (every group value) and the alerts firing for it. */
export async function sloDetail(id: string, signal?: AbortSignal): Promise<SloDetail> {
  const catalog = await readAllSlos();
  const slo = catalog.slos.find((candidate) => candidate.id === id);
  if (!slo) throw new NotFoundError(`No SLO with id ${id}.`);
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
      source: slo.source.format === "stored" ? slo.source : { ...slo.source, file: path.relative(process.cwd(), slo.source.file) },
      datasource: slo.datasource,
    },
    stored: catalog.stored.get(id),
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
  const slo = await findSlo(id);
  const plan = historyPlan(slo, new Date());
  const result = await getPrometheus(slo.datasource).queryRange(plan.expr, { start: plan.start, end: plan.end, step: plan.step, signal });
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
