"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useMemo, useState } from "react";
import { Panel, PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { Time } from "@/components/ui/time";
import { formatMatchers } from "@/lib/alertmanager/matchers";
import { expireSilence, silenceKeys, silencesQuery } from "@/lib/queries/silences";
import { formatDuration } from "@/lib/silences/duration";
import { silenceHygiene, type HygieneIssue } from "@/lib/silences/hygiene";
import { describeTimeLeft, filterSilences } from "@/lib/silences/list";
import { alertMatcherIndex } from "@/lib/silences/preview";
import type { ClusterSilence, SilenceAlert } from "@/lib/silences/types";
import type { SilenceListFilters } from "@/lib/validations/silences";
import { InstanceBanners } from "./instance-banners";
import { LabelChips, MatcherChips } from "./matcher-chips";
import { SilenceFilters } from "./silence-filters";

export interface SilenceListProps {
  filters: SilenceListFilters;
  /** Responders and up may create, edit and expire; viewers only read. */
  canWrite: boolean;
}

const STATE_STYLES: Record<ClusterSilence["status"]["state"], string> = {
  active: "bg-ok/15 text-emerald-200",
  pending: "bg-info/15 text-sky-200",
  expired: "bg-slate-700/40 text-slate-400",
};

const ISSUE_STYLES: Record<HygieneIssue["kind"], string> = {
  "matches-nothing": "border-slate-500/50 text-slate-300",
  "expiring-while-firing": "border-warning/60 text-amber-200",
  duplicate: "border-info/50 text-sky-200",
};

const ISSUE_LABELS: Record<HygieneIssue["kind"], string> = {
  "matches-nothing": "matches nothing",
  "expiring-while-firing": "expires soon, still firing",
  duplicate: "duplicate",
};

/** The link that opens the form filled in from a silence (recreating an expired one, or a copy). */
export function recreateHref(silence: ClusterSilence): string {
  const search = new URLSearchParams({ matchers: formatMatchers(silence.matchers), comment: silence.comment });
  // Expiring early cuts endsAt short; a silence that lasted minutes was expired by hand, so the form's default applies.
  const length = Date.parse(silence.endsAt) - Date.parse(silence.startsAt);
  if (length >= 15 * 60_000) search.set("duration", formatDuration(length).replaceAll(" ", ""));
  return `/silences/new?${search.toString()}`;
}

function ExpireButton({ silence }: { silence: ClusterSilence }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => expireSilence(silence.id),
    onSuccess: () => client.invalidateQueries({ queryKey: silenceKeys.all }),
  });
  if (mutation.isError) return <p role="alert" className="text-xs text-rose-300">{mutation.error.message}</p>;
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:text-white">
        Expire
      </button>
    );
  }
  return (
    <span className="flex gap-1">
      <button
        type="button"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate()}
        className="rounded bg-critical/80 px-2 py-0.5 text-xs font-medium text-white hover:bg-critical disabled:opacity-60"
      >
        {mutation.isPending ? "Expiring…" : "Expire now"}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-300">
        Cancel
      </button>
    </span>
  );
}

function MatchedAlerts({ alerts, state }: { alerts: SilenceAlert[]; state: ClusterSilence["status"]["state"] }) {
  const verb = state === "active" ? "mutes" : "would match";
  if (alerts.length === 0) return <span className="text-xs text-slate-500">{state === "active" ? "matches nothing now" : "matches nothing firing now"}</span>;
  return (
    <details>
      <summary className="cursor-pointer text-xs text-slate-200">
        {verb} {alerts.length} alert{alerts.length === 1 ? "" : "s"}
      </summary>
      <ul className="mt-1 space-y-1">
        {alerts.map((alert) => (
          <li key={alert.fingerprint}>
            <LabelChips labels={alert.labels} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function SilenceRow({ silence, alerts, issues, canWrite, now }: { silence: ClusterSilence; alerts: SilenceAlert[]; issues: HygieneIssue[]; canWrite: boolean; now: number }) {
  const state = silence.status.state;
  return (
    <tr className="align-top" aria-label={`Silence ${silence.id}`}>
      <td className="py-2 pr-3">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLES[state]}`}>{state}</span>
      </td>
      <td className="max-w-sm py-2 pr-3">
        <MatcherChips matchers={silence.matchers} />
        {issues.length > 0 ? (
          <ul aria-label="Hygiene" className="mt-1.5 flex flex-wrap gap-1">
            {issues.map((issue) => (
              <li key={issue.kind} title={issue.message} className={`rounded border px-1.5 py-0.5 text-xs ${ISSUE_STYLES[issue.kind]}`}>
                {ISSUE_LABELS[issue.kind]}
                <span className="sr-only">: {issue.message}</span>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-1 font-mono text-[11px] text-slate-500">{silence.id}</div>
      </td>
      <td className="max-w-xs py-2 pr-3">
        <div className="text-sm text-slate-100">{silence.createdBy}</div>
        <p className="whitespace-pre-wrap break-words text-xs text-slate-400">{silence.comment}</p>
      </td>
      <td className="whitespace-nowrap py-2 pr-3 text-xs">
        <div className="text-slate-100">{describeTimeLeft(silence, now)}</div>
        <div className="text-slate-500">
          <Time iso={silence.startsAt} /> → <Time iso={silence.endsAt} />
        </div>
      </td>
      <td className="py-2 pr-3">
        <MatchedAlerts alerts={alerts} state={state} />
      </td>
      {canWrite ? (
        <td className="py-2 text-right">
          <div className="flex flex-col items-end gap-1">
            {state === "expired" ? (
              <Link href={recreateHref(silence)} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:text-white">
                Recreate
              </Link>
            ) : (
              <>
                <Link href={`/silences/${silence.id}/edit`} className="rounded border border-edge px-2 py-0.5 text-xs text-slate-200 hover:text-white">
                  Edit
                </Link>
                <ExpireButton silence={silence} />
              </>
            )}
          </div>
        </td>
      ) : null}
    </tr>
  );
}

/** Every silence of the cluster with its state, who and why, time left, what it matches now and its hygiene. */
export function SilenceList({ filters, canWrite }: SilenceListProps) {
  const query = useQuery(silencesQuery());
  const data = query.data;
  const view = useMemo(() => {
    if (!data) return undefined;
    // The server's clock when it answered; the list refreshes every 15 s, so "time left" stays current.
    const now = Date.parse(data.now);
    const matching = alertMatcherIndex(data.alerts);
    return {
      now,
      matching,
      filtered: filterSilences(data.silences, filters),
      issues: silenceHygiene(data.silences, data.alerts, { now, matching }),
    };
  }, [data, filters]);

  return (
    <div className="space-y-4">
      <Panel title="Filters">
        <SilenceFilters filters={filters} />
      </Panel>
      {data ? <InstanceBanners instances={data.instances} /> : null}
      <Panel
        title="Silences"
        description={view?.filtered.ok ? `${view.filtered.silences.length} of ${data?.silences.length ?? 0} silences` : undefined}
        actions={
          canWrite ? (
            <div className="flex gap-2">
              <Link href="/silences/windows" className="rounded border border-edge px-2.5 py-1 text-xs text-slate-200 hover:text-white">
                Maintenance windows
              </Link>
              <Link href="/silences/new" className="rounded bg-info/90 px-2.5 py-1 text-xs font-medium text-slate-950 hover:bg-info">
                New silence
              </Link>
            </div>
          ) : (
            <Link href="/silences/windows" className="rounded border border-edge px-2.5 py-1 text-xs text-slate-200 hover:text-white">
              Maintenance windows
            </Link>
          )
        }
      >
        {query.isPending ? (
          <PanelLoading label="Loading silences" />
        ) : (
          <>
            {query.isError ? (
              <PanelError title="Could not load silences" message={query.error.message} staleSince={data ? query.dataUpdatedAt : undefined} />
            ) : null}
            {view && !view.filtered.ok ? <PanelError title="These filters are not valid" message={view.filtered.error} /> : null}
            {view?.filtered.ok && data ? (
              view.filtered.silences.length === 0 ? (
                <PanelEmpty>{data.silences.length === 0 ? "No silences. Alertmanager holds none." : "No silence matches these filters."}</PanelEmpty>
              ) : (
                <div className={`overflow-x-auto ${query.isError ? "opacity-50" : ""}`}>
                  <table className="w-full text-left text-sm">
                    <thead className="text-xs text-slate-400">
                      <tr>
                        <th className="py-1.5 pr-3 font-medium">State</th>
                        <th className="py-1.5 pr-3 font-medium">Matchers</th>
                        <th className="py-1.5 pr-3 font-medium">Who and why</th>
                        <th className="py-1.5 pr-3 font-medium">Time</th>
                        <th className="py-1.5 pr-3 font-medium">Alerts now</th>
                        {canWrite ? (
                          <th className="py-1.5 font-medium">
                            <span className="sr-only">Actions</span>
                          </th>
                        ) : null}
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-edge">
                      {view.filtered.silences.map((silence) => (
                        <SilenceRow
                          key={silence.id}
                          silence={silence}
                          alerts={view.matching(silence.matchers)}
                          issues={view.issues.get(silence.id) ?? []}
                          canWrite={canWrite}
                          now={view.now}
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            ) : null}
          </>
        )}
      </Panel>
    </div>
  );
}
