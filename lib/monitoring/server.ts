import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import { UpstreamError } from "@/lib/errors";
import { consoleMetrics } from "@/lib/metrics";
import { env } from "@/lib/env";
import { createPrometheusClient, getPrometheus, type PrometheusClient } from "@/lib/prometheus/client";
import { buildCardinalityView, TOPK_METRICS_QUERY, type CardinalityView } from "./cardinality";
import { summarizeConsoleMetrics, type ConsoleHealth } from "./console-health";
import { parseRoutingConfig, type RoutingConfig } from "./routing";
import { buildRulesView, type RulesView } from "./rules";
import { buildTargetsView, type TargetsView } from "./targets";

/** GET /api/v1/targets (active), as the targets page shows it. */
export async function loadTargets(signal?: AbortSignal, prometheus: PrometheusClient = getPrometheus()): Promise<TargetsView> {
  const { data } = await prometheus.targets({ state: "active", signal });
  return buildTargetsView(data.activeTargets, data.droppedTargetCounts);
}

/** GET /api/v1/rules, failing rules first. */
export async function loadRules(signal?: AbortSignal, prometheus: PrometheusClient = getPrometheus()): Promise<RulesView> {
  const { data } = await prometheus.rules({ signal });
  return buildRulesView(data.groups);
}

/** GET /api/v1/status/tsdb?limit=: never a full scan. */
export async function loadCardinality(limit: number, signal?: AbortSignal, prometheus: PrometheusClient = getPrometheus()): Promise<CardinalityView> {
  const { data } = await prometheus.tsdbStatus({ limit, signal });
  return buildCardinalityView(data, limit);
}

export interface TopMetrics {
  metrics: Array<{ name: string; series: number }>;
  warnings: string[];
  tookMs: number;
}

/**
 * The seeds' topk(10, count by (__name__)(...)): a full scan, bounded by Prometheus's own query
 * timeout. Asked for on purpose, so it may outlast PROMETHEUS_TIMEOUT_MS: its client waits a
 * little longer than the query timeout, letting Prometheus say that the query timed out.
 */
export async function loadTopMetrics(timeoutSeconds: number, signal?: AbortSignal, client?: PrometheusClient, source?: string): Promise<TopMetrics> {
  // getPrometheus checks the name (a 400 listing the configured ones); the scan gets its own, longer-waiting client.
  const prometheus = client ?? createPrometheusClient({ baseUrl: source ? getPrometheus(source).baseUrl : env().PROMETHEUS_URL, timeoutMs: (timeoutSeconds + 5) * 1000 });
  const started = performance.now();
  const { data, warnings } = await prometheus.query(TOPK_METRICS_QUERY, { timeout: `${timeoutSeconds}s`, signal });
  const metrics =
    data.resultType === "vector"
      ? data.result.map((sample) => ({ name: sample.metric.__name__ ?? "", series: Number(sample.value[1]) })).sort((a, b) => b.series - a.series)
      : [];
  return { metrics, warnings, tookMs: Math.round(performance.now() - started) };
}

export type InstanceRouting =
  | { instance: string; ok: true; version: string; config: RoutingConfig }
  | { instance: string; ok: false; error: string };

export interface RoutingOverview {
  instances: InstanceRouting[];
}

/** Each Alertmanager's routing tree and inhibition rules from GET /api/v2/status; all down is an outage. */
export async function loadRouting(signal?: AbortSignal, alertmanagers = getAlertmanagers()): Promise<RoutingOverview> {
  const results = await alertmanagers.status({ signal });
  const failures = results.flatMap((result) => (result.ok ? [] : [result.error]));
  const first = failures[0];
  if (first && failures.length === results.length) {
    throw new UpstreamError({
      upstream: "alertmanager",
      instance: first.instance,
      kind: first.kind,
      message: failures.length === 1 ? first.message : `No Alertmanager answered: ${failures.map((failure) => failure.message).join("; ")}`,
      cause: first,
    });
  }
  return {
    instances: results.map((result): InstanceRouting => {
      if (!result.ok) return { instance: result.instance, ok: false, error: result.error.message };
      const parsed = parseRoutingConfig(result.data.config.original);
      if (!parsed.ok) return { instance: result.instance, ok: false, error: parsed.error };
      return { instance: result.instance, ok: true, version: result.data.versionInfo.version, config: parsed.value };
    }),
  };
}

/** This console process's own metrics, from its registry (no Prometheus needed). */
export async function loadConsoleHealth(): Promise<ConsoleHealth> {
  return summarizeConsoleMetrics(await consoleMetrics().registry.getMetricsAsJSON());
}
