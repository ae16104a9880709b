"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { formatDuration } from "@/lib/format";
import { alertIsAboutTarget, upQuery, type TargetEntry } from "@/lib/monitoring/targets";
import { matrixToChart } from "@/lib/prometheus/transform";
import { alertsQuery } from "@/lib/queries/alerts";
import { rangeQuery } from "@/lib/queries/prometheus";
import { PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";

export interface TargetDetailsProps {
  target: TargetEntry;
  refetchInterval: number | false;
}

const HISTORY_SECONDS = 3600;
const HISTORY_STEP = 15;

/** A target's labels and settings, its `up` over the last hour, and the alerts about it. */
export function TargetDetails({ target, refetchInterval }: TargetDetailsProps) {
  return (
    <div className="mt-2 grid gap-3 rounded border border-edge bg-surface/60 p-3 text-xs lg:grid-cols-2">
      <div className="space-y-2">
        <dl className="grid grid-cols-[8rem_1fr] gap-x-2 gap-y-1">
          <dt className="text-slate-500">Scrape URL</dt>
          <dd className="break-all text-slate-300">{target.scrapeUrl}</dd>
          <dt className="text-slate-500">Scrape pool</dt>
          <dd className="text-slate-300">{target.scrapePool}</dd>
          {target.scrapeInterval ? (
            <>
              <dt className="text-slate-500">Interval / timeout</dt>
              <dd className="text-slate-300">
                {target.scrapeInterval} / {target.scrapeTimeout ?? "—"}
              </dd>
            </>
          ) : null}
          <dt className="text-slate-500">Last scrape took</dt>
          <dd className="text-slate-300">{formatDuration(target.lastScrapeDurationSeconds)}</dd>
        </dl>
        <ul aria-label="Labels" className="flex flex-wrap gap-1">
          {Object.entries(target.labels).map(([name, value]) => (
            <li key={name} className="rounded bg-edge px-1.5 py-0.5 text-slate-300">
              {name}=&quot;{value}&quot;
            </li>
          ))}
        </ul>
        <TargetAlerts target={target} refetchInterval={refetchInterval} />
      </div>
      <UpHistory target={target} refetchInterval={refetchInterval} />
    </div>
  );
}

function UpHistory({ target, refetchInterval }: TargetDetailsProps) {
  const expr = upQuery(target);
  const query = useQuery(rangeQuery(expr, HISTORY_SECONDS, HISTORY_STEP, refetchInterval));
  const chart = useMemo(() => (query.data ? matrixToChart(query.data.data, "up") : undefined), [query.data]);
  return (
    <section aria-label={`up history of ${target.instance}`}>
      <h3 className="mb-1 font-medium text-slate-300">
        <code>up</code> over the last hour
      </h3>
      {query.isPending ? <PanelLoading label="Loading up history" /> : null}
      {query.isError ? <PanelError title="Could not load the up history" message={query.error.message} /> : null}
      {chart && chart.series.length > 0 ? (
        <TimeSeriesChart rows={chart.rows} series={chart.series} height={120} label={`up of ${target.instance} over the last hour`} />
      ) : query.isSuccess ? (
        <PanelEmpty>Prometheus has no up samples for this target in the last hour.</PanelEmpty>
      ) : null}
    </section>
  );
}

function TargetAlerts({ target, refetchInterval }: TargetDetailsProps) {
  const query = useQuery(alertsQuery(refetchInterval));
  const alerts = useMemo(() => (query.data?.alerts ?? []).filter((alert) => alertIsAboutTarget(alert.labels, target)), [query.data, target]);
  return (
    <section aria-label={`alerts about ${target.instance}`}>
      <h3 className="mb-1 font-medium text-slate-300">Alerts about this target</h3>
      {query.isPending ? <PanelLoading label="Loading alerts" /> : null}
      {query.isError ? <PanelError title="Could not load alerts from Alertmanager" message={query.error.message} /> : null}
      {query.isSuccess && alerts.length === 0 ? <p className="text-slate-500">No alert in Alertmanager has job {target.job} and this instance.</p> : null}
      <ul className="space-y-1">
        {alerts.map((alert) => (
          <li key={alert.fingerprint} className="flex flex-wrap items-baseline gap-2">
            <span className={alert.labels.severity === "critical" ? "text-rose-300" : "text-amber-200"}>{alert.labels.alertname ?? "(no alertname)"}</span>
            <span className="text-slate-500">
              {alert.labels.severity ?? "no severity"} · {alert.status.state} · to {alert.receivers.map((receiver) => receiver.name).join(", ") || "no receiver"}
            </span>
            {alert.annotations.summary ? <span className="w-full text-slate-400">{alert.annotations.summary}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
