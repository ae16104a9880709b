import type { MetricObjectWithValues, MetricValue, MetricValueWithName } from "prom-client";

/*
 * The console's own metrics (lib/metrics.ts), summarised from its registry: what this process
 * has served since it started, and how its upstreams answered. Works when Prometheus is down.
 */

export interface RouteStats {
  route: string;
  method: string;
  requests: number;
  /** 5xx answers. */
  errors: number;
  /** 4xx answers. */
  refused: number;
  meanSeconds: number | null;
  p95Seconds: number | null;
}

export interface UpstreamStats {
  upstream: string;
  instance: string;
  requests: number;
  errors: number;
  errorsByKind: Record<string, number>;
  meanSeconds: number | null;
  p95Seconds: number | null;
}

export interface ConsoleHealth {
  routes: RouteStats[];
  upstreams: UpstreamStats[];
  process: { residentMemoryBytes: number | null; startTimeSeconds: number | null; cpuSecondsTotal: number | null };
}

type Metric = MetricObjectWithValues<MetricValue<string>> | MetricObjectWithValues<MetricValueWithName<string>>;

interface Histogram {
  count: number;
  sum: number;
  buckets: Array<{ le: number; count: number }>;
}

function label(value: MetricValue<string>, name: string): string {
  const found = value.labels[name];
  return found === undefined ? "" : String(found);
}

function metricName(value: MetricValue<string>): string | undefined {
  return "metricName" in value && typeof value.metricName === "string" ? value.metricName : undefined;
}

/** Folds a histogram's _bucket/_sum/_count values into one histogram per key. */
function histograms(metric: Metric | undefined, keyOf: (value: MetricValue<string>) => string): Map<string, Histogram> {
  const out = new Map<string, Histogram>();
  for (const value of metric?.values ?? []) {
    const key = keyOf(value);
    const entry = out.get(key) ?? { count: 0, sum: 0, buckets: [] };
    const name = metricName(value) ?? "";
    if (name.endsWith("_bucket")) {
      const le = label(value, "le");
      entry.buckets.push({ le: le === "+Inf" ? Number.POSITIVE_INFINITY : Number(le), count: value.value });
    } else if (name.endsWith("_sum")) entry.sum += value.value;
    else if (name.endsWith("_count")) entry.count += value.value;
    out.set(key, entry);
  }
  return out;
}

/** The upper bound of the bucket holding the q-quantile (as histogram_quantile, without interpolation past the last finite bound). */
export function bucketQuantile(q: number, buckets: Array<{ le: number; count: number }>): number | null {
  const merged = new Map<number, number>();
  for (const bucket of buckets) merged.set(bucket.le, (merged.get(bucket.le) ?? 0) + bucket.count);
  const sorted = [...merged].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
  const total = sorted[sorted.length - 1]?.count ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let previous = { le: 0, count: 0 };
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      if (!Number.isFinite(bucket.le)) return previous.le;
      const inBucket = bucket.count - previous.count;
      if (inBucket <= 0) return bucket.le;
      return previous.le + (bucket.le - previous.le) * ((rank - previous.count) / inBucket);
    }
    previous = bucket;
  }
  return previous.le;
}

function singleValue(metrics: Metric[], name: string): number | null {
  const metric = metrics.find((candidate) => candidate.name === name);
  const value = metric?.values[0]?.value;
  return typeof value === "number" ? value : null;
}

/** Summarises the registry's JSON (Registry.getMetricsAsJSON()). */
export function summarizeConsoleMetrics(metrics: Metric[]): ConsoleHealth {
  const find = (name: string) => metrics.find((metric) => metric.name === name);
  const requestKey = (value: MetricValue<string>) => `${label(value, "route")}\u0000${label(value, "method")}`;
  const routes = new Map<string, RouteStats>();
  const http = find("vigil_http_request_duration_seconds");
  const byStatus = histograms(http, (value) => `${requestKey(value)}\u0000${label(value, "status")}`);
  const byRoute = histograms(http, requestKey);
  for (const [key, histogram] of byStatus) {
    const [route = "", method = "", status = ""] = key.split("\u0000");
    const stats = routes.get(`${route}\u0000${method}`) ?? { route, method, requests: 0, errors: 0, refused: 0, meanSeconds: null, p95Seconds: null };
    stats.requests += histogram.count;
    if (status.startsWith("5")) stats.errors += histogram.count;
    if (status.startsWith("4")) stats.refused += histogram.count;
    routes.set(`${route}\u0000${method}`, stats);
  }
  for (const [key, stats] of routes) {
    const histogram = byRoute.get(key);
    if (histogram && histogram.count > 0) {
      stats.meanSeconds = histogram.sum / histogram.count;
      stats.p95Seconds = bucketQuantile(0.95, histogram.buckets);
    }
  }

  const upstreamKey = (value: MetricValue<string>) => `${label(value, "upstream")}\u0000${label(value, "instance")}`;
  const upstreams = new Map<string, UpstreamStats>();
  for (const [key, histogram] of histograms(find("vigil_upstream_request_duration_seconds"), upstreamKey)) {
    const [upstream = "", instance = ""] = key.split("\u0000");
    upstreams.set(key, {
      upstream,
      instance,
      requests: histogram.count,
      errors: 0,
      errorsByKind: {},
      meanSeconds: histogram.count > 0 ? histogram.sum / histogram.count : null,
      p95Seconds: bucketQuantile(0.95, histogram.buckets),
    });
  }
  for (const value of find("vigil_upstream_errors_total")?.values ?? []) {
    const key = upstreamKey(value);
    const [upstream = "", instance = ""] = key.split("\u0000");
    const stats = upstreams.get(key) ?? { upstream, instance, requests: 0, errors: 0, errorsByKind: {}, meanSeconds: null, p95Seconds: null };
    const kind = label(value, "kind") || "unknown";
    stats.errors += value.value;
    stats.errorsByKind[kind] = (stats.errorsByKind[kind] ?? 0) + value.value;
    upstreams.set(key, stats);
  }

  return {
    routes: [...routes.values()].sort((a, b) => b.errors - a.errors || b.requests - a.requests || a.route.localeCompare(b.route)),
    upstreams: [...upstreams.values()].sort((a, b) => b.errors - a.errors || a.upstream.localeCompare(b.upstream) || a.instance.localeCompare(b.instance)),
    process: {
      residentMemoryBytes: singleValue(metrics, "process_resident_memory_bytes"),
      startTimeSeconds: singleValue(metrics, "process_start_time_seconds"),
      cpuSecondsTotal: singleValue(metrics, "process_cpu_seconds_total"),
    },
  };
}

/** PromQL for the console's series as Prometheus scraped them (job "vigil"), for the charts. */
export const CONSOLE_QUERIES = {
  up: 'up{job="vigil"}',
  requestRate: 'sum by (route) (rate(vigil_http_request_duration_seconds_count{job="vigil"}[5m]))',
  errorRate: 'sum by (route) (rate(vigil_http_request_duration_seconds_count{job="vigil", status=~"5.."}[5m]))',
  upstreamP95: 'histogram_quantile(0.95, sum by (le, upstream) (rate(vigil_upstream_request_duration_seconds_bucket{job="vigil"}[5m])))',
  upstreamErrors: 'sum by (upstream, kind) (rate(vigil_upstream_errors_total{job="vigil"}[5m]))',
} as const;
