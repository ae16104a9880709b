"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { filterAlerts, parseFilter, type StateFilter } from "@/lib/alerts/filter";
import { flattenGroups, groupSorted, nextAlertRow, sortAlerts, tallySeverities, type AlertSort } from "@/lib/alerts/group";
import type { ListedAlert } from "@/lib/alerts/types";
import { readViewState, withViewState, type AlertViewState } from "@/lib/alerts/url-state";
import { alertsQuery } from "@/lib/queries/alerts";
import { PanelEmpty, PanelError, PanelLoading } from "@/components/ui/panel";
import { RefreshPicker, useRefresh } from "@/components/ui/refresh-picker";
import { AcknowledgeDialog } from "./acknowledge-dialog";
import { AlertDetailPanel } from "./alert-detail-panel";
import { AlertList } from "./alert-list";
import { FilterBar } from "./filter-bar";
import { InstanceStatus } from "./instance-status";
import { SeverityCounts } from "./severity-counts";
import { SnapshotAge } from "./snapshot-age";

export interface AlertsViewProps {
  /** Responders and up acknowledge and silence; the server checks again. */
  canAcknowledge: boolean;
}

/** Moves the URL without a server round trip (Next keeps useSearchParams in step with the History API). */
function navigate(state: AlertViewState, mode: "push" | "replace"): void {
  const query = withViewState(window.location.search, state);
  const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

const URL_DELAY_MS = 300;

/** The alert page: live alerts from every Alertmanager, filtered, grouped and navigable by keyboard. */
export function AlertsView({ canAcknowledge }: AlertsViewProps) {
  const params = useSearchParams();
  const view = useMemo(() => readViewState(params), [params]);
  const { interval } = useRefresh();
  const query = useQuery(alertsQuery(interval));
  const [text, setText] = useState(view.q);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState(-1);
  const [acknowledging, setAcknowledging] = useState<ListedAlert[] | null>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const [syncedQ, setSyncedQ] = useState(view.q);

  // The URL changed under us (back, forward, a link): follow it.
  if (view.q !== syncedQ) {
    setSyncedQ(view.q);
    setText(view.q);
  }
  // Typing filters at once; the URL follows when typing pauses.
  useEffect(() => {
    if (text === view.q) return;
    const timer = setTimeout(() => {
      setSyncedQ(text);
      navigate({ ...view, q: text }, "replace");
    }, URL_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, view]);

  const parsed = useMemo(() => parseFilter(text), [text]);
  const states = useMemo(() => new Set<StateFilter>(view.states), [view.states]);
  // Sorted once per answer and sort order; each keystroke then filters and groups in that order.
  // A new answer (a refresh, the newer snapshot after a refreshing one) re-sorts and redraws 10,000
  // alerts: deferred, that render yields to typing in the filter instead of holding a keystroke up.
  const data = useDeferredValue(query.data);
  const sorted = useMemo(() => (data ? sortAlerts(data.alerts, view.sort) : []), [data, view.sort]);
  const filtered = useMemo(() => filterAlerts(sorted, parsed, states), [sorted, parsed, states]);
  const groups = useMemo(() => groupSorted(filtered, view.groupBy), [filtered, view.groupBy]);
  const grouped = view.groupBy.length > 0;
  const rows = useMemo(() => flattenGroups(groups, collapsed, grouped), [groups, collapsed, grouped]);
  const counts = useMemo(() => tallySeverities(filtered), [filtered]);

  const commit = useCallback(
    (patch: Partial<AlertViewState>, mode: "push" | "replace") => {
      setSyncedQ(text);
      navigate({ ...view, q: text, ...patch }, mode);
    },
    [text, view],
  );
  const select = useCallback((fingerprint: string | undefined) => commit({ alert: fingerprint }, fingerprint ? "push" : "replace"), [commit]);
  const update = useCallback((patch: Partial<AlertViewState>) => commit(patch, "replace"), [commit]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target) || acknowledging) return;
      const row = rows[active];
      if (event.key === "j" || event.key === "ArrowDown") {
        event.preventDefault();
        setActive((current) => nextAlertRow(rows, Math.min(current, rows.length - 1), 1));
      } else if (event.key === "k" || event.key === "ArrowUp") {
        event.preventDefault();
        setActive((current) => nextAlertRow(rows, current < 0 ? rows.length : current, -1));
      } else if (event.key === "Enter" && row?.kind === "alert") {
        event.preventDefault();
        select(row.alert.fingerprint);
      } else if (event.key === "a" && canAcknowledge && row?.kind === "alert") {
        event.preventDefault();
        setAcknowledging([row.alert]);
      } else if (event.key === "/") {
        event.preventDefault();
        filterRef.current?.focus();
      } else if (event.key === "Escape" && view.alert) {
        select(undefined);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, active, canAcknowledge, acknowledging, select, view.alert]);

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-lg font-semibold text-white">Alerts</h1>
        <div className="flex items-center gap-4">
          <p className="text-xs text-slate-400" aria-label="Keyboard shortcuts">
            <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move · <kbd>Enter</kbd> open · {canAcknowledge ? <><kbd>a</kbd> acknowledge · </> : null}<kbd>/</kbd> filter · <kbd>Esc</kbd> close
          </p>
          {data ? <SnapshotAge asOf={data.asOf} refreshing={data.refreshing} /> : null}
          <RefreshPicker />
        </div>
      </div>
      <FilterBar
        ref={filterRef}
        text={text}
        onTextChange={(next) => {
          setText(next);
          setActive(-1);
        }}
        errors={parsed.errors}
        groupBy={view.groupBy}
        onGroupByChange={(groupBy) => update({ groupBy })}
        sort={view.sort}
        onSortChange={(sort: AlertSort) => update({ sort })}
        states={view.states}
        onStatesChange={(next) => update({ states: next })}
      />
      {query.isError ? <PanelError title="Could not load alerts" message={query.error.message} staleSince={data ? query.dataUpdatedAt : undefined} /> : null}
      {!data && !query.isError ? <PanelLoading label="Loading alerts" /> : null}
      {data ? (
        <>
          <InstanceStatus instances={data.instances} />
          {data.acknowledgementsError ? <PanelError title="Acknowledgements are not shown" message={data.acknowledgementsError} /> : null}
          <SeverityCounts counts={counts} total={filtered.length} groups={grouped ? groups.length : filtered.length > 0 ? 1 : 0} />
          <div className="flex flex-col gap-3 lg:flex-row">
            <div className="min-w-0 flex-1">
              {rows.length === 0 ? (
                <div className="rounded-lg border border-edge bg-panel">
                  <PanelEmpty>{data.alerts.length === 0 ? "Nothing is firing." : `No alert matches these filters (${data.alerts.length} firing).`}</PanelEmpty>
                </div>
              ) : (
                <AlertList
                  rows={rows}
                  active={active}
                  selected={view.alert}
                  instanceCount={data.instances.length}
                  now={query.dataUpdatedAt}
                  canAcknowledge={canAcknowledge}
                  onOpen={(alert, index) => {
                    setActive(index);
                    select(alert.fingerprint);
                  }}
                  onToggleGroup={(key) =>
                    setCollapsed((current) => {
                      const next = new Set(current);
                      if (next.has(key)) next.delete(key);
                      else next.add(key);
                      return next;
                    })
                  }
                  onAcknowledge={(alerts) => setAcknowledging(alerts)}
                />
              )}
            </div>
            {view.alert ? (
              <AlertDetailPanel fingerprint={view.alert} refetchInterval={interval} canAcknowledge={canAcknowledge} onClose={() => select(undefined)} onAcknowledge={(alert) => setAcknowledging([alert])} />
            ) : null}
          </div>
        </>
      ) : null}
      {acknowledging && acknowledging.length > 0 ? <AcknowledgeDialog alerts={acknowledging} onClose={() => setAcknowledging(null)} /> : null}
    </>
  );
}
