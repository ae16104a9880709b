"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { formatMatchers } from "@/lib/alertmanager/matchers";
import { severityOf } from "@/lib/alertmanager/severity";
import type { AlertDetail } from "@/lib/data/alert-detail";
import { isAcknowledged } from "@/lib/alerts/filter";
import { dashboardLink, exploreLink, matchersForLabels, silenceLink } from "@/lib/alerts/links";
import type { ListedAlert } from "@/lib/alerts/types";
import { formatDuration } from "@/lib/format";
import { alertDetailQuery, useUnacknowledge } from "@/lib/queries/alerts";
import { Markdown } from "@/components/ui/markdown";
import { PanelError, PanelLoading } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import { AlertSparkline } from "./alert-sparkline";
import { AlertRunbooks } from "@/components/runbooks/alert-runbooks";
import { AlertSlos } from "@/components/slo/alert-slos";
import { RunbookLinks } from "./runbook-links";
import { SeverityBadge } from "./severity-badge";

export interface AlertDetailPanelProps {
  fingerprint: string;
  refetchInterval: number | false;
  canAcknowledge: boolean;
  onClose: () => void;
  onAcknowledge: (alert: ListedAlert) => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="border-t border-edge pt-3">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-400">{title}</h3>
      {children}
    </section>
  );
}

const MARKDOWN_ANNOTATIONS = ["summary", "description"];

function Acknowledgement({ detail, canAcknowledge, onAcknowledge }: { detail: AlertDetail; canAcknowledge: boolean; onAcknowledge: (alert: ListedAlert) => void }) {
  const unacknowledge = useUnacknowledge();
  const alert = detail.alert;
  const current = alert?.acknowledgement ?? null;
  return (
    <Section title="Acknowledgement">
      {current ? (
        <div className="text-sm">
          <p>
            {current.expired ? "Acknowledgement expired: " : "Acknowledged by "}
            <strong className="text-white">{current.by}</strong> at <Time iso={current.at} />
            {current.expiresAt ? (
              <>
                {current.expired ? " (expired " : " (expires "}
                <Time iso={current.expiresAt} />)
              </>
            ) : null}
          </p>
          {current.note ? <p className="mt-1 text-slate-300">“{current.note}”</p> : null}
          {current.silenceId ? <p className="mt-1 text-xs text-slate-400">Silenced with it: {current.silenceId}</p> : null}
        </div>
      ) : (
        <p className="text-sm text-slate-400">{alert ? "Not acknowledged." : "The alert is no longer firing."}</p>
      )}
      {canAcknowledge && alert ? (
        <div className="mt-2 flex gap-2">
          {!isAcknowledged(alert) ? (
            <button type="button" onClick={() => onAcknowledge(alert)} className="rounded bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-600">
              Acknowledge
            </button>
          ) : null}
          {current && !current.expired ? (
            <button
              type="button"
              disabled={unacknowledge.isPending}
              onClick={() => unacknowledge.mutate({ id: current.id })}
              className="rounded border border-edge px-3 py-1 text-sm text-slate-100 hover:bg-edge disabled:opacity-50"
            >
              Unacknowledge
            </button>
          ) : null}
        </div>
      ) : null}
      {unacknowledge.error ? (
        <p role="alert" className="mt-1 text-sm text-rose-300">
          {unacknowledge.error.message}
        </p>
      ) : null}
      {detail.acknowledgements.length > 0 ? (
        <ol aria-label="Acknowledgement history" className="mt-2 space-y-1 text-xs text-slate-400">
          {detail.acknowledgements.flatMap((ack) =>
            ack.events.map((event, index) => (
              <li key={`${ack.id}-${index}`}>
                <Time iso={event.at} /> · {event.action}
                {event.by ? ` by ${event.by}` : ""}
                {event.note ? ` — “${event.note}”` : ""}
                {ack.startsAt !== alert?.startsAt ? <span className="text-slate-500"> (episode of <Time iso={ack.startsAt} />)</span> : null}
              </li>
            )),
          )}
        </ol>
      ) : null}
    </Section>
  );
}

function Body({ detail, now, canAcknowledge, onAcknowledge }: { detail: AlertDetail; now: number; canAcknowledge: boolean; onAcknowledge: (alert: ListedAlert) => void }) {
  const alert = detail.alert;
  const matchers = alert ? matchersForLabels(alert.labels) : [];
  return (
    <div className="space-y-3">
      {detail.errors.map((error) => (
        <PanelError key={error} title="Part of this alert's detail is missing" message={error} />
      ))}
      {alert ? (
        <>
          <div className="flex flex-wrap gap-2">
            {canAcknowledge ? (
              <Link prefetch={false} href={silenceLink(matchers)} className="rounded border border-edge px-3 py-1 text-sm text-slate-100 hover:bg-edge">
                Silence…
              </Link>
            ) : null}
            {detail.expr ? (
              <Link prefetch={false} href={exploreLink(detail.expr)} className="rounded border border-edge px-3 py-1 text-sm text-slate-100 hover:bg-edge">
                Explore
              </Link>
            ) : null}
            <Link prefetch={false} href={dashboardLink(alert.labels)} className="rounded border border-edge px-3 py-1 text-sm text-slate-100 hover:bg-edge">
              Dashboards
            </Link>
          </div>
          {MARKDOWN_ANNOTATIONS.map((name) =>
            alert.annotations[name] ? (
              <Section key={name} title={name}>
                <Markdown className="text-sm">{alert.annotations[name] ?? ""}</Markdown>
              </Section>
            ) : null,
          )}
          <Section title="Labels">
            <ul className="flex flex-wrap gap-1">
              {Object.entries(alert.labels).map(([name, value]) => (
                <li key={name} className="rounded bg-surface px-1.5 py-0.5 font-mono text-xs text-slate-200">
                  {name}=&quot;{value}&quot;
                </li>
              ))}
            </ul>
            <p className="mt-1 break-all font-mono text-[11px] text-slate-500">{formatMatchers(matchers)}</p>
          </Section>
          <Section title="Timing">
            <p className="text-sm">
              Started <Time iso={alert.startsAt} />, firing for {formatDuration(Math.max(0, (now - Date.parse(alert.startsAt)) / 1000))}.
            </p>
          </Section>
          <Section title="Where">
            <p className="text-sm">Receivers: {alert.receivers.map((receiver) => receiver.name).join(", ") || "none"}</p>
            <p className="text-sm">Held by: {alert.instances.join(", ")}</p>
          </Section>
          <Section title="Silences and inhibitions">
            {alert.status.silencedBy.length === 0 && alert.status.inhibitedBy.length === 0 ? <p className="text-sm text-slate-400">Neither silenced nor inhibited: notifications are being sent.</p> : null}
            <ul className="space-y-1 text-sm">
              {detail.silences.map(({ id, silence, error }) => (
                <li key={id}>
                  Silenced by <span className="font-mono text-xs">{id}</span>
                  {silence ? (
                    <span className="text-slate-400">
                      {" "}
                      — {silence.createdBy}: “{silence.comment}”, until <Time iso={silence.endsAt} />
                    </span>
                  ) : (
                    <span className="text-rose-300"> ({error})</span>
                  )}
                </li>
              ))}
              {detail.inhibitors.map(({ fingerprint, alert: inhibitor }) => (
                <li key={fingerprint}>
                  Inhibited by {inhibitor ? <strong>{inhibitor.labels.alertname}</strong> : <span className="font-mono text-xs">{fingerprint}</span>}
                  {inhibitor ? <span className="font-mono text-xs text-slate-400"> {formatMatchers(matchersForLabels(inhibitor.labels))}</span> : " (no longer firing)"}
                </li>
              ))}
            </ul>
          </Section>
          <Section title="Other annotations">
            {Object.entries(alert.annotations).filter(([name]) => !MARKDOWN_ANNOTATIONS.includes(name)).length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
            <dl className="text-sm">
              {Object.entries(alert.annotations)
                .filter(([name]) => !MARKDOWN_ANNOTATIONS.includes(name))
                .map(([name, value]) => (
                  <div key={name} className="flex gap-2">
                    <dt className="text-slate-400">{name}</dt>
                    <dd className="break-all">{value}</dd>
                  </div>
                ))}
            </dl>
          </Section>
          <div className="border-t border-edge pt-3">
            <RunbookLinks alertName={alert.labels.alertname} annotations={alert.annotations} />
          </div>
          <Section title="Runbooks in Vigil">
            <AlertRunbooks labels={alert.labels} annotations={alert.annotations} fingerprint={alert.fingerprint} heading={false} />
          </Section>
          <AlertSlos labels={alert.labels} />
          <Section title="Expression">
            {detail.expr ? (
              <>
                <p className="mb-1 break-all font-mono text-xs text-slate-300">{detail.expr}</p>
                <AlertSparkline expr={detail.expr} startsAt={alert.startsAt} />
              </>
            ) : (
              <p className="text-sm text-slate-500">The alert has no Prometheus generator URL, so its expression is unknown.</p>
            )}
          </Section>
        </>
      ) : (
        <p className="text-sm text-slate-400">This alert is no longer held by any Alertmanager: it resolved. Its history is below.</p>
      )}
      <Acknowledgement detail={detail} canAcknowledge={canAcknowledge} onAcknowledge={onAcknowledge} />
      <Section title={`History (last ${detail.history?.days ?? 7} days)`}>
        {detail.history ? (
          <>
            <p className="text-sm">
              This alert fired <strong>{detail.history.episodes.length}</strong> time{detail.history.episodes.length === 1 ? "" : "s"}
              {alert?.labels.alertname ? (
                <>
                  ; {alert.labels.alertname} fired {detail.history.sameName.episodes} time{detail.history.sameName.episodes === 1 ? "" : "s"} across {detail.history.sameName.alerts} label set
                  {detail.history.sameName.alerts === 1 ? "" : "s"}
                </>
              ) : null}
              .
            </p>
            <ol aria-label="Episodes" className="mt-1 space-y-0.5 text-xs text-slate-400">
              {detail.history.episodes.slice(0, 20).map((episode) => (
                <li key={episode.startsAt}>
                  <Time iso={episode.startsAt} /> → {episode.resolvedAt ? <Time iso={episode.resolvedAt} /> : "firing"}
                  {episode.silencedAt ? " · silenced" : ""}
                  {episode.acknowledgedAt ? " · acknowledged" : ""}
                  {episode.source === "prometheus" ? " · from ALERTS" : ""}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p className="text-sm text-slate-500">No history available.</p>
        )}
      </Section>
    </div>
  );
}

/** The selected alert (?alert=<fingerprint>): everything known about it, and what can be done. */
export function AlertDetailPanel({ fingerprint, refetchInterval, canAcknowledge, onClose, onAcknowledge }: AlertDetailPanelProps) {
  const query = useQuery(alertDetailQuery(fingerprint, refetchInterval));
  const alert = query.data?.alert;
  return (
    <aside aria-label="Alert detail" className="h-[calc(100vh-12rem)] w-full overflow-auto rounded-lg border border-edge bg-panel p-4 lg:w-[34rem] lg:shrink-0">
      <div className="mb-3 flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-base font-semibold text-white">
            {alert ? <SeverityBadge severity={severityOf(alert.labels)} /> : null}
            <span className="truncate">{alert?.labels.alertname ?? fingerprint}</span>
          </h2>
          <p className="font-mono text-[11px] text-slate-500">{fingerprint}</p>
        </div>
        <button type="button" onClick={onClose} aria-label="Close alert detail" className="rounded px-2 text-slate-400 hover:bg-edge hover:text-white">
          ✕
        </button>
      </div>
      {query.isPending ? <PanelLoading label="Loading the alert" /> : null}
      {query.isError ? <PanelError title="Could not load the alert" message={query.error.message} staleSince={query.data ? query.dataUpdatedAt : undefined} /> : null}
      {query.data ? <Body detail={query.data} now={query.dataUpdatedAt} canAcknowledge={canAcknowledge} onAcknowledge={onAcknowledge} /> : null}
    </aside>
  );
}
