"use client";

import { useQuery } from "@tanstack/react-query";
import { compareBySeverity, countBySeverity, severityOf, type Severity } from "@/lib/alertmanager/severity";
import type { AlertsOverview } from "@/lib/data/alerts";
import { formatAgo } from "@/lib/format";
import { alertsQuery } from "@/lib/queries/alerts";
import { Panel, PanelError } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";

export interface FiringAlertsPanelProps {
  refetchInterval: number | false;
}

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: "border-critical/50 text-rose-300",
  warning: "border-warning/50 text-amber-300",
  info: "border-info/50 text-sky-300",
  none: "border-slate-600 text-slate-300",
};

const MAX_LISTED = 12;

function Counts({ overview }: { overview: AlertsOverview }) {
  const counts = countBySeverity(overview.alerts);
  const tiles: Array<[string, number, Severity]> = [
    ["Critical", counts.critical, "critical"],
    ["Warning", counts.warning, "warning"],
    ["Info", counts.info + counts.none, "info"],
  ];
  return (
    <dl className="mb-3 grid grid-cols-4 gap-2 text-center">
      {tiles.map(([label, count, severity]) => (
        <div key={label} className={`rounded border bg-surface px-2 py-2 ${SEVERITY_STYLE[severity]}`}>
          <dt className="text-xs uppercase tracking-wide">{label}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{count}</dd>
        </div>
      ))}
      <div className="rounded border border-edge bg-surface px-2 py-2 text-slate-400">
        <dt className="text-xs uppercase tracking-wide">Silenced</dt>
        <dd className="text-2xl font-semibold tabular-nums">{counts.suppressed}</dd>
      </div>
    </dl>
  );
}

function AlertList({ overview, now }: { overview: AlertsOverview; now: number }) {
  const firing = overview.alerts.filter((alert) => alert.status.state === "active").sort(compareBySeverity);
  if (firing.length === 0) return <p className="py-4 text-center text-sm text-slate-400">Nothing is firing.</p>;
  return (
    <>
      <ul className="divide-y divide-edge text-sm" aria-label="Firing alerts">
        {firing.slice(0, MAX_LISTED).map((alert) => {
          const severity = severityOf(alert.labels);
          return (
            <li key={alert.fingerprint} className="flex items-start gap-3 py-2">
              <span className={`mt-0.5 rounded border px-1.5 text-[10px] font-semibold uppercase ${SEVERITY_STYLE[severity]}`}>
                {severity === "none" ? "—" : severity}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-medium text-white">{alert.labels.alertname ?? "(no alertname)"}</span>
                  <span className="text-xs text-slate-400">since {formatAgo(Date.parse(alert.startsAt), now)}</span>
                </div>
                {alert.annotations.summary ? <p className="truncate text-xs text-slate-400">{alert.annotations.summary}</p> : null}
              </div>
            </li>
          );
        })}
      </ul>
      {firing.length > MAX_LISTED ? <p className="pt-2 text-xs text-slate-400">and {firing.length - MAX_LISTED} more</p> : null}
    </>
  );
}

/** Firing alerts from every Alertmanager, deduplicated, counted by severity. */
export function FiringAlertsPanel({ refetchInterval }: FiringAlertsPanelProps) {
  const query = useQuery(alertsQuery(refetchInterval));
  return (
    <Panel title="Firing alerts" description="From every configured Alertmanager, deduplicated">
      <QueryState query={query} errorTitle="Could not load alerts" loadingLabel="Loading alerts" empty={null}>
        {(overview) => (
          <>
            {overview.instances
              .filter((instance) => !instance.ok)
              .map((instance) => (
                <PanelError key={instance.instance} title={`Alertmanager ${instance.instance} is unreachable`} message={instance.error ?? ""} />
              ))}
            <Counts overview={overview} />
            <AlertList overview={overview} now={query.dataUpdatedAt} />
          </>
        )}
      </QueryState>
    </Panel>
  );
}
