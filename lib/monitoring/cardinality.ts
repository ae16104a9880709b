import type { NameCount, TsdbStatus } from "@/lib/prometheus/types";

/*
 * The cardinality page's model, from /api/v1/status/tsdb only (Prometheus keeps these top-N
 * lists for its head block, so the page is as fast on a million series as on a thousand).
 */

/** The full-scan view the seed documents recommend; run only on demand, with a timeout. */
export const TOPK_METRICS_QUERY = 'topk(10, count by (__name__)({__name__=~".+"}))';

/** Series created and removed per second in the head, one chart line each (legend {{series}}). */
export const CHURN_QUERY =
  'label_replace(sum(rate(prometheus_tsdb_head_series_created_total[5m])), "series", "created", "", "") or ' +
  'label_replace(sum(rate(prometheus_tsdb_head_series_removed_total[5m])), "series", "removed", "", "")';
export const HEAD_SERIES_QUERY = "sum(prometheus_tsdb_head_series)";
export const LIMIT_OPTIONS = [10, 20, 50, 100] as const;

export const DEFAULT_TOP_LIMIT = 20;
/** Prometheus's own default, and what servers before 2.47 always return whatever `limit` says. */
export const SERVER_DEFAULT_LIMIT = 10;

export interface IdLabelWarning {
  label: string;
  reason: string;
  /** How many values the label has, when the TSDB status listed it. */
  values?: number;
  example?: string;
}

export interface CardinalityView {
  headSeries: number | null;
  labelPairs: number | null;
  chunks: number | null;
  /** Milliseconds; null for an empty head. */
  minTime: number | null;
  maxTime: number | null;
  metrics: NameCount[];
  labels: NameCount[];
  memory: NameCount[];
  pairs: NameCount[];
  /** Entries asked for per list, and whether the server honoured it (Prometheus 2.47+). */
  limit: number;
  limitHonoured: boolean;
  warnings: IdLabelWarning[];
}

const ID_NAME = /(^|_)(user|users|userid|request|req|session|sess|trace|span|uuid|guid|id|ids|email|customer|account|token|ip|client|device|order|transaction|tx)(_|$)|id$/i;
const UUID_VALUE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const HEX_VALUE = /^(0x)?[0-9a-f]{16,}$/i;
const NUMBER_ID_VALUE = /^\d{6,}$/;
const EMAIL_VALUE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Label names that are IDs by design and bounded: `instance`, `job` etc. would be false alarms. */
const BOUNDED = new Set(["instance", "job", "pod", "node", "Hostname", "UUID", "gpu", "device", "le", "quantile", "__name__", "container", "namespace", "mountpoint"]);
/** A label with at least this many values and an ID-like name is worth a warning. */
export const ID_LABEL_MIN_VALUES = 100;

function valueLooksLikeId(value: string): string | undefined {
  if (UUID_VALUE.test(value)) return "UUID-like values";
  if (HEX_VALUE.test(value)) return "long hexadecimal values";
  if (NUMBER_ID_VALUE.test(value)) return "long numeric values";
  if (EMAIL_VALUE.test(value)) return "e-mail addresses as values";
  return undefined;
}

/** Labels that look like per-user, per-request or per-session IDs: each value makes new series. */
export function idLabelWarnings(status: Pick<TsdbStatus, "labelValueCountByLabelName" | "seriesCountByLabelValuePair">): IdLabelWarning[] {
  const warnings = new Map<string, IdLabelWarning>();
  const valueCounts = new Map(status.labelValueCountByLabelName.map((entry) => [entry.name, entry.value]));
  for (const { name, value } of status.labelValueCountByLabelName) {
    if (BOUNDED.has(name) || value < ID_LABEL_MIN_VALUES) continue;
    if (ID_NAME.test(name)) {
      warnings.set(name, { label: name, values: value, reason: `its name looks like an ID and it has ${value.toLocaleString("en-US")} values` });
    }
  }
  for (const { name: pair } of status.seriesCountByLabelValuePair) {
    const split = pair.indexOf("=");
    if (split <= 0) continue;
    const label = pair.slice(0, split);
    const value = pair.slice(split + 1);
    if (BOUNDED.has(label) || warnings.has(label)) continue;
    const reason = valueLooksLikeId(value);
    if (reason) warnings.set(label, { label, values: valueCounts.get(label), example: value, reason: `it has ${reason}` });
  }
  return [...warnings.values()].sort((a, b) => (b.values ?? 0) - (a.values ?? 0));
}

/** Reads a TSDB status answer: lists cut to `limit`, and whether the server honoured it. */
export function buildCardinalityView(status: TsdbStatus, limit: number): CardinalityView {
  const lists = [status.seriesCountByMetricName, status.labelValueCountByLabelName, status.memoryInBytesByLabelName, status.seriesCountByLabelValuePair];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  // An old server answers 10 per list whatever we ask; more than 10 means it read `limit`.
  const limitHonoured = limit <= SERVER_DEFAULT_LIMIT || longest > SERVER_DEFAULT_LIMIT || lists.every((list) => list.length < SERVER_DEFAULT_LIMIT);
  const cut = (list: NameCount[]) => [...list].sort((a, b) => b.value - a.value).slice(0, limit);
  const head = status.headStats;
  const emptyHead = !head || head.numSeries === 0;
  return {
    headSeries: head?.numSeries ?? null,
    labelPairs: head?.numLabelPairs ?? null,
    chunks: head?.chunkCount ?? null,
    minTime: emptyHead ? null : head.minTime,
    maxTime: emptyHead ? null : head.maxTime,
    metrics: cut(status.seriesCountByMetricName),
    labels: cut(status.labelValueCountByLabelName),
    memory: cut(status.memoryInBytesByLabelName),
    pairs: cut(status.seriesCountByLabelValuePair),
    limit,
    limitHonoured,
    warnings: idLabelWarnings(status),
  };
}

/** A share of the head's series, for the bars: 0 to 1. */
export function shareOf(value: number, total: number | null): number {
  if (!total || total <= 0) return 0;
  return Math.min(1, value / total);
}
