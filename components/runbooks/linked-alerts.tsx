"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Panel, PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import { linkedAlertsQuery } from "@/lib/queries/runbooks";
import type { LinkedAlert } from "@/lib/validations/runbooks";
import { AlertRunbooks } from "./alert-runbooks";

export interface LinkedAlertsProps {
  slug: string;
}

const SHOWN_LABELS = ["severity", "job", "instance", "model", "team"];

function AlertRow({ slug, alert }: { slug: string; alert: LinkedAlert }) {
  const shown = SHOWN_LABELS.flatMap((name) => (alert.labels[name] ? [`${name}=${alert.labels[name]}`] : []));
  return (
    <li className="space-y-1 py-2">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium text-white">{alert.alertname}</span>
        <span className={`text-xs ${alert.state === "active" ? "text-rose-300" : "text-slate-400"}`}>{alert.state === "active" ? "firing" : alert.state}</span>
        <span className="text-xs text-slate-500">
          since <Time iso={alert.startsAt} />
        </span>
      </div>
      {shown.length ? <p className="font-mono text-xs text-slate-400">{shown.join(" ")}</p> : null}
      <p className="text-xs">
        {alert.acknowledgement ? (
          <span className="text-emerald-300">
            Acknowledged by {alert.acknowledgement.by}
            {alert.acknowledgement.note ? `: ${alert.acknowledgement.note}` : ""}
          </span>
        ) : (
          <span className="text-amber-300">Not acknowledged</span>
        )}
        {" · "}
        <Link href={`/runbooks/${slug}?alert=${encodeURIComponent(alert.fingerprint)}`} className="text-sky-300 hover:underline">
          Use this alert&apos;s labels
        </Link>
      </p>
      <details className="text-xs text-slate-400">
        <summary className="cursor-pointer">Runbooks for this alert</summary>
        <div className="mt-1 pl-3">
          <AlertRunbooks labels={alert.labels} annotations={alert.annotations} fingerprint={alert.fingerprint} heading={false} />
        </div>
      </details>
    </li>
  );
}

/** The alerts firing now that link to this runbook, with their acknowledgement state; refreshed every 30 s. */
export function LinkedAlerts({ slug }: LinkedAlertsProps) {
  const query = useQuery(linkedAlertsQuery(slug));
  return (
    <Panel title="Firing alerts" description="Alerts linked to this runbook, now">
      {query.isPending ? (
        <PanelLoading label="Loading linked alerts" />
      ) : (
        <>
          {query.isError ? <PanelError title="Could not load alerts" message={query.error.message} staleSince={query.data ? query.dataUpdatedAt : undefined} /> : null}
          {query.data?.unreachable.map((instance) => (
            <p key={instance.instance} role="alert" className="mb-2 text-xs text-amber-300">
              {instance.instance} did not answer: {instance.error}
            </p>
          ))}
          {query.data && query.data.alerts.length === 0 ? <PanelEmpty>No alert linked to this runbook is firing.</PanelEmpty> : null}
          {query.data && query.data.alerts.length > 0 ? (
            <ul aria-label="Linked alerts" className={`divide-y divide-edge ${query.isError ? "opacity-50" : ""}`}>
              {query.data.alerts.map((alert) => (
                <AlertRow key={alert.fingerprint} slug={slug} alert={alert} />
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Panel>
  );
}
