import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import { pingDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { getPrometheus, prometheusSources } from "@/lib/prometheus/client";

export interface PrometheusHealth {
  url: string;
  ok: boolean;
  ready: boolean;
  version?: string;
  latencyMs: number;
  error?: string;
}

/** A source of PROMETHEUS_SOURCES (the default is `prometheus`). */
export interface SourceHealth extends PrometheusHealth {
  name: string;
}

export interface AlertmanagerHealth {
  url: string;
  ok: boolean;
  version?: string;
  uptime?: string;
  cluster?: { name?: string; status: string; peers: Array<{ name: string; address: string }> };
  latencyMs: number;
  error?: string;
}

export interface PostgresHealth {
  /** host:port/database, never the credentials. */
  target: string;
  ok: boolean;
  version?: string;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  /** What is down, in words: ["prometheus", "prometheus source vm", "alertmanager http://am-1:9093"]. */
  down: string[];
  checkedAt: string;
  /** The default source (PROMETHEUS_URL). */
  prometheus: PrometheusHealth;
  /** Every other configured source, in PROMETHEUS_SOURCES order. */
  sources: SourceHealth[];
  alertmanagers: AlertmanagerHealth[];
  postgres: PostgresHealth;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: string; latencyMs: number }> {
  const started = performance.now();
  try {
    const value = await work();
    return { value, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { error: message(error), latencyMs: Math.round(performance.now() - started) };
  }
}

async function checkPrometheus(source: { name: string; url: string }): Promise<PrometheusHealth> {
  const prometheus = getPrometheus(source.name);
  const { url } = source;
  const [ready, build] = await Promise.all([timed(() => prometheus.ready()), timed(() => prometheus.buildinfo())]);
  const isReady = ready.value?.ready ?? false;
  // Thanos, Mimir and VictoriaMetrics answer queries without Prometheus's /-/ready; buildinfo is enough.
  const ok = build.value !== undefined;
  return {
    url,
    ok,
    ready: isReady,
    version: build.value?.data.version,
    latencyMs: build.latencyMs,
    error: ok ? undefined : (build.error ?? ready.error),
  };
}

async function checkAlertmanagers(): Promise<AlertmanagerHealth[]> {
  const started = performance.now();
  const results = await getAlertmanagers().status();
  const latencyMs = Math.round(performance.now() - started);
  return results.map((result) =>
    result.ok
      ? {
          url: result.instance,
          ok: true,
          version: result.data.versionInfo.version,
          uptime: result.data.uptime,
          cluster: {
            name: result.data.cluster.name,
            status: result.data.cluster.status,
            peers: (result.data.cluster.peers ?? []).map((peer) => ({ name: peer.name, address: peer.address })),
          },
          latencyMs: result.latencyMs ?? latencyMs,
        }
      : { url: result.instance, ok: false, error: result.error.message, latencyMs: result.latencyMs ?? latencyMs },
  );
}

function databaseTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

async function checkPostgres(): Promise<PostgresHealth> {
  const target = databaseTarget(env().DATABASE_URL);
  const result = await timed(() => pingDatabase());
  return result.value
    ? { target, ok: true, version: result.value.version, latencyMs: result.value.latencyMs }
    : { target, ok: false, error: result.error, latencyMs: result.latencyMs };
}

/** Checks every dependency concurrently; one being down never hides the others' state. */
export async function checkHealth(): Promise<HealthReport> {
  const [main, ...others] = prometheusSources();
  if (!main) throw new Error("prometheusSources() always lists the default source");
  const [prometheus, sources, alertmanagers, postgres] = await Promise.all([
    checkPrometheus(main),
    Promise.all(others.map(async (source) => ({ name: source.name, ...(await checkPrometheus(source)) }))),
    checkAlertmanagers(),
    checkPostgres(),
  ]);
  const down = [
    ...(prometheus.ok ? [] : ["prometheus"]),
    ...sources.filter((source) => !source.ok).map((source) => `prometheus source ${source.name}`),
    ...alertmanagers.filter((instance) => !instance.ok).map((instance) => `alertmanager ${instance.url}`),
    ...(postgres.ok ? [] : ["postgres"]),
  ];
  return {
    status: down.length === 0 ? "ok" : "degraded",
    down,
    checkedAt: new Date().toISOString(),
    prometheus,
    sources,
    alertmanagers,
    postgres,
  };
}

