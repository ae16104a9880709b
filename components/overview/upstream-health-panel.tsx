"use client";

import { useQuery } from "@tanstack/react-query";
import type { AlertmanagerHealth, HealthReport, PrometheusHealth } from "@/lib/data/health";
import { healthQuery } from "@/lib/queries/health";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { StatusDot } from "@/components/ui/status-dot";

export interface UpstreamHealthPanelProps {
  refetchInterval: number | false;
}

function DependencyRow({ name, ok, detail, error }: { name: string; ok: boolean; detail: string; error?: string }) {
  return (
    <li className="flex items-start gap-3 py-2">
      <StatusDot state={ok ? "ok" : "down"} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <span className="font-medium text-white">{name}</span>
          <span className={`text-xs ${ok ? "text-slate-400" : "text-rose-300"}`}>{ok ? "Up" : "Down"}</span>
        </div>
        <p className="truncate text-xs text-slate-400" title={detail}>
          {detail}
        </p>
        {error ? <p className="mt-0.5 break-words text-xs text-rose-300">{error}</p> : null}
      </div>
    </li>
  );
}

function clusterDetail(instance: AlertmanagerHealth): string {
  const parts = [instance.url];
  if (instance.version) parts.push(`v${instance.version}`);
  if (instance.cluster) {
    parts.push(
      instance.cluster.status === "disabled"
        ? "no cluster"
        : `cluster ${instance.cluster.status}, ${instance.cluster.peers.length} peer${instance.cluster.peers.length === 1 ? "" : "s"}`,
    );
  }
  return parts.join(" · ");
}

function prometheusDetail(prometheus: PrometheusHealth): string {
  return [prometheus.url, prometheus.version ? `v${prometheus.version}` : null, prometheus.ok ? (prometheus.ready ? "ready" : "not ready") : null, prometheus.ok ? `${prometheus.latencyMs} ms` : null]
    .filter(Boolean)
    .join(" · ");
}

function HealthList({ report }: { report: HealthReport }) {
  const { prometheus, sources, alertmanagers, postgres } = report;
  return (
    <ul className="divide-y divide-edge text-sm">
      <DependencyRow name={sources.length > 0 ? "Prometheus (default source)" : "Prometheus"} ok={prometheus.ok} detail={prometheusDetail(prometheus)} error={prometheus.error} />
      {sources.map((source) => (
        <DependencyRow key={source.name} name={`Prometheus source ${source.name}`} ok={source.ok} detail={prometheusDetail(source)} error={source.error} />
      ))}
      {alertmanagers.map((instance) => (
        <DependencyRow key={instance.url} name="Alertmanager" ok={instance.ok} detail={clusterDetail(instance)} error={instance.error} />
      ))}
      <DependencyRow
        name="Postgres"
        ok={postgres.ok}
        detail={[postgres.target, postgres.version?.split(" ").slice(0, 2).join(" "), postgres.ok ? `${postgres.latencyMs} ms` : null].filter(Boolean).join(" · ")}
        error={postgres.error}
      />
    </ul>
  );
}

/** Whether each upstream answers: every Prometheus source's build and readiness, every Alertmanager's cluster state, Postgres. */
export function UpstreamHealthPanel({ refetchInterval }: UpstreamHealthPanelProps) {
  const query = useQuery(healthQuery(refetchInterval));
  const down = query.data?.down ?? [];
  return (
    <Panel
      title="Upstream health"
      description={query.data ? (down.length ? `Down: ${down.join(", ")}` : "Every dependency answers") : undefined}
    >
      <QueryState query={query} errorTitle="Could not check upstream health" loadingLabel="Checking upstreams" empty={null}>
        {(report) => <HealthList report={report} />}
      </QueryState>
    </Panel>
  );
}
