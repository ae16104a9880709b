import { evaluateSlo, rangeFor, type Counts, type EvaluateContext, type RangeKey, type SloStatus } from "./compute";
import { parseDuration } from "./duration";
import { BURN_WINDOWS, type SloDefinition } from "./model";
import { batchExpression, eventParts, type BatchPart } from "./promql";

/** One sample of an instant vector. */
export interface VectorSample {
  labels: Record<string, string>;
  value: number;
}

/** Runs an instant query at `time`; the server's Prometheus client and the CLI's each provide one. */
export type InstantQueryFn = (expr: string, time: Date) => Promise<VectorSample[]>;

export const RANGE_KEYS: readonly RangeKey[] = ["window", ...BURN_WINDOWS];

/** The batched expressions: one per range, covering every SLO (bad and total tagged apart). */
export function batchedQueries(slos: readonly SloDefinition[], now: Date): Array<{ key: RangeKey; expr: string }> {
  return RANGE_KEYS.map((key) => {
    const parts = slos.flatMap((slo): BatchPart[] => {
      const queries = eventParts(slo, rangeFor(key, slo, now));
      if (queries.kind === "ratio") return [{ sloId: slo.id, part: "ratio", expr: queries.ratio }];
      return [
        { sloId: slo.id, part: "total", expr: queries.total },
        ...(queries.bad ? [{ sloId: slo.id, part: "bad" as const, expr: queries.bad }] : []),
        ...(queries.good ? [{ sloId: slo.id, part: "good" as const, expr: queries.good }] : []),
      ];
    });
    return { key, expr: batchExpression(parts) };
  });
}

interface GroupCounts {
  group?: { label: string; value: string };
  counts: Partial<Record<RangeKey, Counts>>;
}

function groupOf(slo: SloDefinition, labels: Record<string, string>): { label: string; value: string } | undefined {
  if (slo.groupBy) return { label: slo.groupBy, value: labels[slo.groupBy] ?? "" };
  const rest = Object.entries(labels)
    .filter(([name]) => name !== "slo_id" && name !== "slo_part" && name !== "__name__")
    .sort(([a], [b]) => a.localeCompare(b));
  if (rest.length === 0) return undefined;
  return { label: rest.map(([name]) => name).join(","), value: rest.map(([, value]) => value).join(",") };
}

/** Sorts batched answers into counts per SLO and group value. */
export function collectCounts(
  slos: readonly SloDefinition[],
  answers: ReadonlyArray<{ key: RangeKey; samples: readonly VectorSample[] }>,
): Map<string, Map<string, GroupCounts>> {
  const byId = new Map(slos.map((slo) => [slo.id, slo]));
  const result = new Map<string, Map<string, GroupCounts>>(slos.map((slo) => [slo.id, new Map()]));
  for (const { key, samples } of answers) {
    for (const sample of samples) {
      const id = sample.labels.slo_id ?? "";
      const part = sample.labels.slo_part;
      const slo = byId.get(id);
      const groups = result.get(id);
      if (!slo || !groups) continue;
      const group = groupOf(slo, sample.labels);
      const groupKey = group ? group.value : "";
      const entry = groups.get(groupKey) ?? { group, counts: {} };
      const counts = entry.counts[key] ?? { bad: null, total: null };
      const value = Number.isFinite(sample.value) ? sample.value : null;
      if (part === "bad") counts.bad = value;
      else if (part === "good") counts.good = value;
      else if (part === "total") counts.total = value;
      else if (part === "ratio") counts.ratio = value;
      entry.counts[key] = counts;
      groups.set(groupKey, entry);
    }
  }
  for (const slo of slos) {
    const missing = missingMeaning(slo);
    for (const entry of result.get(slo.id)?.values() ?? []) {
      for (const counts of Object.values(entry.counts)) resolveBad(counts, missing);
    }
  }
  return result;
}

function missingMeaning(slo: SloDefinition): "zero" | "all" | "unknown" {
  if (slo.sli.kind !== "ratio") return "unknown";
  return slo.sli.errors ? "zero" : "all";
}

/** Failed events from the parts the batch asked for: total - good, or what a missing part means. */
function resolveBad(counts: Counts, missing: "zero" | "all" | "unknown"): void {
  if (counts.bad !== null || counts.ratio !== undefined || counts.total === null) return;
  if (counts.good !== undefined && counts.good !== null) counts.bad = Math.max(0, counts.total - counts.good);
  else if (missing === "zero") counts.bad = 0;
  else if (missing === "all") counts.bad = counts.total;
}

/** Evaluates counts into statuses: one per SLO, or one per group value; a silent SLO still gets a (no-data) row. */
export function statusesFromCounts(
  slos: readonly SloDefinition[],
  counts: Map<string, Map<string, GroupCounts>>,
  context: EvaluateContext,
): SloStatus[] {
  return slos.flatMap((slo) => {
    const groups = [...(counts.get(slo.id)?.values() ?? [])].sort((a, b) => (a.group?.value ?? "").localeCompare(b.group?.value ?? ""));
    if (groups.length === 0) return [evaluateSlo(slo, {}, context)];
    return groups.map((entry) => evaluateSlo(slo, entry.counts, context, entry.group));
  });
}

/** Reads `storage.tsdb.retention.time` from /api/v1/status/flags; undefined when unset ("0s") or unknown. */
export function retentionFromFlags(flags: Readonly<Record<string, string>>): number | undefined {
  const text = flags["storage.tsdb.retention.time"] ?? flags["storage.tsdb.retention"];
  if (!text) return undefined;
  const seconds = parseDuration(text);
  return seconds && seconds > 0 ? seconds : undefined;
}

/**
 * Every SLO's figures with one request per range and per `chunkSize` SLOs (eight requests for a
 * short list), at most `concurrency` at a time.
 */
export async function fetchStatuses(
  slos: readonly SloDefinition[],
  query: InstantQueryFn,
  context: EvaluateContext,
  { chunkSize = Number.POSITIVE_INFINITY, concurrency = 8 }: { chunkSize?: number; concurrency?: number } = {},
): Promise<SloStatus[]> {
  if (slos.length === 0) return [];
  const chunks: SloDefinition[][] = [];
  const size = Math.max(1, Math.min(chunkSize, slos.length));
  for (let start = 0; start < slos.length; start += size) chunks.push(slos.slice(start, start + size));
  const jobs = chunks.flatMap((chunk) => batchedQueries(chunk, context.now));
  const answers: Array<{ key: RangeKey; samples: VectorSample[] }> = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      if (job) answers.push({ key: job.key, samples: await query(job.expr, context.now) });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return statusesFromCounts(slos, collectCounts(slos, answers), context);
}


const RULE_SERIES = /^slo:(error_ratio:rate(5m|30m|1h|2h|6h|1d|3d)|events_bad:window|events_total:window)$/;
const IDENTITY_LABELS = new Set(["__name__", "slo_id", "slo_service", "slo_name", "slo_window", "slo_part"]);

/**
 * Every SLO's figures from the series `vigil slo rules` records, in one request. Cheaper than the
 * batched queries, but only as fresh as the last rule evaluation (the window counts every 5 minutes).
 */
export async function fetchStatusesFromRules(
  slos: readonly SloDefinition[],
  query: InstantQueryFn,
  context: EvaluateContext,
): Promise<SloStatus[]> {
  return (await readRecordedStatuses(slos, query, context)).statuses;
}

/**
 * Figures from recording rules where they exist, batched queries for the rest: an SLO counts as
 * recorded when its window counts are recorded with its current objective (rules generated from an
 * older version of the file are not trusted).
 */
export async function fetchStatusesPreferringRules(
  slos: readonly SloDefinition[],
  query: InstantQueryFn,
  context: EvaluateContext,
): Promise<Array<SloStatus & { source: "rules" | "queries" }>> {
  if (slos.length === 0) return [];
  const recorded = await readRecordedStatuses(slos, query, context);
  const rest = slos.filter((slo) => !recorded.covered.has(slo.id));
  const computed = await fetchStatuses(rest, query, context);
  const byId = new Map<string, Array<SloStatus & { source: "rules" | "queries" }>>();
  for (const status of recorded.statuses) {
    if (recorded.covered.has(status.id)) byId.set(status.id, [...(byId.get(status.id) ?? []), { ...status, source: "rules" }]);
  }
  for (const status of computed) byId.set(status.id, [...(byId.get(status.id) ?? []), { ...status, source: "queries" }]);
  return slos.flatMap((slo) => byId.get(slo.id) ?? []);
}

async function readRecordedStatuses(
  slos: readonly SloDefinition[],
  query: InstantQueryFn,
  context: EvaluateContext,
): Promise<{ statuses: SloStatus[]; covered: Set<string> }> {
  if (slos.length === 0) return { statuses: [], covered: new Set() };
  const objectives = new Map(slos.map((slo) => [slo.id, slo.objective]));
  const covered = new Set<string>();
  const samples = await query('{__name__=~"slo:error_ratio:rate.+|slo:events_(bad|total):window|slo:objective:ratio", slo_id!=""}', context.now);
  const answers = new Map<RangeKey, VectorSample[]>();
  const withWindow = new Set<string>();
  for (const sample of samples) {
    const name = sample.labels.__name__ ?? "";
    const id = sample.labels.slo_id ?? "";
    if (name === "slo:objective:ratio") {
      if (Math.abs(sample.value - (objectives.get(id) ?? Number.NaN)) < 1e-9) covered.add(id);
      continue;
    }
    if (name === "slo:events_total:window") withWindow.add(id);
    if (!RULE_SERIES.test(name)) continue;
    const window = /rate(\w+)$/.exec(name)?.[1];
    const key: RangeKey = name.endsWith(":window") ? "window" : (BURN_WINDOWS.find((candidate) => candidate === window) ?? "5m");
    const part = name === "slo:events_bad:window" ? "bad" : name === "slo:events_total:window" ? "total" : "ratio";
    const labels = Object.fromEntries(Object.entries(sample.labels).filter(([label]) => !IDENTITY_LABELS.has(label)));
    answers.set(key, [...(answers.get(key) ?? []), { labels: { ...labels, slo_id: sample.labels.slo_id ?? "", slo_part: part }, value: sample.value }]);
  }
  for (const id of covered) if (!withWindow.has(id)) covered.delete(id);
  return { statuses: statusesFromCounts(slos, collectCounts(slos, [...answers].map(([key, list]) => ({ key, samples: list }))), context), covered };
}
