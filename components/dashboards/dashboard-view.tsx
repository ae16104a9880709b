"use client";

import { useRouter, useSearchParams, usePathname } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { StoredDashboard } from "@/lib/data/dashboards";
import { allPanels, removePanel, duplicatePanel, movePanel, removeRow, updateRow, addRow, addPanel, nextPanelId, replacePanel } from "@/lib/dashboards/layout";
import { REFRESH_OPTIONS, type Dashboard, type Panel, type Row } from "@/lib/dashboards/schema";
import { resolveRange, zoomOut } from "@/lib/dashboards/time-range";
import { sourcesQuery } from "@/lib/queries/prometheus";
import { DEFAULT_SOURCE_NAME } from "@/lib/validations/prometheus";
import { parseUrlState, refreshMs, serializeUrlState, type DashboardUrlState } from "@/lib/dashboards/url-state";
import { DashboardContext, type DashboardContextValue } from "./dashboard-context";
import { DashboardGrid } from "./dashboard-grid";
import { DashboardActions } from "./dashboard-actions";
import { PanelEditor, newPanel } from "./panel-editor";
import { TimeRangePicker } from "./time-range-picker";
import { useDashboardVariables } from "./use-dashboard-variables";
import { VariableBar } from "./variable-bar";

export interface DashboardViewProps {
  stored: StoredDashboard;
  canEdit: boolean;
  scrapeIntervalSeconds: number;
}

function noopSubscribe(): () => void {
  return () => undefined;
}

const menuItem = "px-3 py-1 text-left hover:bg-edge";

/** A dashboard: its range, refresh and variables from the URL, its panels live; editors edit stored ones in place. */
export function DashboardView({ stored, canEdit, scrapeIntervalSeconds }: DashboardViewProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [saved, setSaved] = useState(stored);
  const [draft, setDraft] = useState<Dashboard>(stored.dashboard);
  const [editing, setEditing] = useState(canEdit && stored.source === "database" && params.get("edit") === "1");
  const [editingPanel, setEditingPanel] = useState<{ panel: Panel; rowId?: string; isNew: boolean } | null>(null);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  // Panels and the range's wording depend on the browser's clock and zone: drawn only once hydrated.
  const mounted = useSyncExternalStore(noopSubscribe, () => true, () => false);
  const [evaluatedAt, setEvaluatedAt] = useState(() => Date.now());
  const [refreshCount, setRefreshCount] = useState(0);
  const refreshNow = useCallback(() => {
    setEvaluatedAt(Date.now());
    setRefreshCount((count) => count + 1);
  }, []);
  const dashboard = editing ? draft : saved.dashboard;
  const state = useMemo(() => parseUrlState(params, dashboard), [params, dashboard]);

  // Auto-refresh evaluates "now" again on a timer; every panel's key changes together.
  useEffect(() => {
    const interval = refreshMs(state.refresh);
    if (!interval || !mounted) return;
    const timer = setInterval(refreshNow, interval);
    return () => clearInterval(timer);
  }, [state.refresh, mounted, refreshNow]);

  const setUrlState = useCallback(
    (change: Partial<DashboardUrlState>) => {
      const next = serializeUrlState({ ...state, ...change }, new URLSearchParams(params));
      if (change.from !== undefined || change.to !== undefined) setEvaluatedAt(Date.now());
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [state, params, pathname, router],
  );

  const range = useMemo(() => resolveRange(state.from, state.to, evaluatedAt), [state.from, state.to, evaluatedAt]);
  const sourceList = useQuery(sourcesQuery());
  // If the list cannot be had, panels still ask their source and the server says whether it exists.
  const configured = useMemo(() => sourceList.data?.map((source) => source.name) ?? (sourceList.isError ? [DEFAULT_SOURCE_NAME] : undefined), [sourceList.data, sourceList.isError]);
  const variables = useDashboardVariables(dashboard.variables, state.variables, range.fromMs, range.toMs, { configured, dashboardDatasource: dashboard.datasource });

  const onZoom = useCallback((fromMs: number, toMs: number) => setUrlState({ from: String(fromMs), to: String(toMs) }), [setUrlState]);
  const context: DashboardContextValue = useMemo(
    () => ({
      fromMs: range.fromMs,
      toMs: range.toMs,
      timeZone: state.timeZone,
      scrapeIntervalSeconds,
      variables: variables.values,
      datasource: dashboard.datasource,
      sources: sourceList.isError ? undefined : configured,
      ready: variables.ready,
      refresh: refreshCount,
      onZoom,
    }),
    [range, state.timeZone, scrapeIntervalSeconds, variables, dashboard.datasource, sourceList.isError, configured, refreshCount, onZoom],
  );

  const toggleRow = (row: Row) => {
    if (editing) setDraft((current) => updateRow(current, row.id, { collapsed: !row.collapsed }));
    else setCollapsed((current) => ({ ...current, [row.id]: !(current[row.id] ?? row.collapsed) }));
  };

  const panelActions = editing
    ? (panel: Panel) => (
        <>
          <button type="button" role="menuitem" className={menuItem} onClick={() => setEditingPanel({ panel, isNew: false })}>
            Edit
          </button>
          <button type="button" role="menuitem" className={menuItem} onClick={() => setDraft((current) => duplicatePanel(current, panel.id))}>
            Duplicate
          </button>
          <button type="button" role="menuitem" className={menuItem} onClick={() => setDraft((current) => movePanel(current, panel.id, -1))}>
            Move earlier
          </button>
          <button type="button" role="menuitem" className={menuItem} onClick={() => setDraft((current) => movePanel(current, panel.id, 1))}>
            Move later
          </button>
          <button type="button" role="menuitem" className={`${menuItem} text-rose-300`} onClick={() => setDraft((current) => removePanel(current, panel.id))}>
            Remove
          </button>
        </>
      )
    : undefined;

  const rowActions = editing
    ? (row: Row) => (
        <span className="ml-auto flex gap-2 text-xs">
          <button type="button" className="text-slate-400 hover:text-white" onClick={() => setEditingPanel({ panel: newPanel(nextPanelId(draft)), rowId: row.id, isNew: true })}>
            Add panel to row
          </button>
          <button
            type="button"
            className="text-slate-400 hover:text-white"
            onClick={() => {
              const title = window.prompt("Row title", row.title);
              if (title !== null) setDraft((current) => updateRow(current, row.id, { title }));
            }}
          >
            Rename
          </button>
          <button type="button" className="text-rose-300 hover:text-rose-200" onClick={() => setDraft((current) => removeRow(current, row.id))}>
            Remove row
          </button>
        </span>
      )
    : undefined;

  const panelCount = allPanels(dashboard).length;

  return (
    <DashboardContext.Provider value={context}>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <div className="mr-auto min-w-0">
          <h1 className="truncate text-lg font-semibold text-white">{dashboard.title}</h1>
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-400">
            <span className={`rounded px-1.5 py-0.5 ${saved.source === "provisioned" ? "bg-sky-900/60 text-sky-200" : "bg-edge text-slate-300"}`}>
              {saved.source === "provisioned" ? "Provisioned (read-only)" : `Stored, version ${saved.version ?? "?"}`}
            </span>
            {dashboard.tags.map((tag) => (
              <span key={tag} className="rounded bg-edge px-1.5 py-0.5">
                {tag}
              </span>
            ))}
            {dashboard.description ? <span>{dashboard.description}</span> : null}
          </p>
        </div>
        {mounted ? (
          <>
            <TimeRangePicker from={state.from} to={state.to} timeZone={state.timeZone} nowMs={evaluatedAt} onChange={(next) => setUrlState(next)} />
            <button
              type="button"
              aria-label="Zoom out"
              title="Zoom out (three times the range)"
              onClick={() => {
                const wider = zoomOut(range, evaluatedAt);
                setUrlState({ from: String(Math.round(wider.fromMs)), to: state.to === "now" ? "now" : String(Math.round(wider.toMs)) });
              }}
              className="rounded border border-edge bg-surface px-2 py-1 text-sm text-slate-300 hover:text-white"
            >
              −
            </button>
          </>
        ) : null}
        <button type="button" aria-label="Refresh now" onClick={refreshNow} className="rounded border border-edge bg-surface px-2 py-1 text-sm text-slate-300 hover:text-white">
          ⟳
        </button>
        <label className="flex items-center gap-1 text-xs text-slate-400">
          Auto-refresh
          <select
            value={state.refresh}
            onChange={(event) => setUrlState({ refresh: REFRESH_OPTIONS.find((option) => option === event.target.value) ?? "off" })}
            className="rounded border border-edge bg-surface px-2 py-1 text-slate-200"
          >
            {REFRESH_OPTIONS.map((value) => (
              <option key={value} value={value}>
                {value === "off" ? "Off" : `Every ${value}`}
              </option>
            ))}
          </select>
        </label>
        <DashboardActions
          saved={saved}
          draft={draft}
          canEdit={canEdit}
          editing={editing}
          onEdit={() => {
            setDraft(saved.dashboard);
            setEditing(true);
          }}
          onDiscard={() => {
            setDraft(saved.dashboard);
            setEditing(false);
          }}
          onSaved={(next) => {
            setSaved(next);
            setDraft(next.dashboard);
            setEditing(false);
            // Leave edit mode in the URL too (a new dashboard opens with ?edit=1), and re-read it on the server.
            const search = new URLSearchParams(params);
            search.delete("edit");
            router.replace(`${pathname}${search.size ? `?${search.toString()}` : ""}`, { scroll: false });
            router.refresh();
          }}
          onDraftChange={setDraft}
        />
      </div>
      {editing ? (
        <div className="mb-3 flex flex-wrap gap-2 rounded border border-dashed border-sky-700/60 bg-sky-950/20 px-3 py-2 text-sm">
          <span className="mr-2 text-sky-200">Editing: changes apply when you save.</span>
          <button type="button" className="rounded bg-edge px-2 py-0.5 hover:text-white" onClick={() => setEditingPanel({ panel: newPanel(nextPanelId(draft)), isNew: true })}>
            Add panel
          </button>
          <button
            type="button"
            className="rounded bg-edge px-2 py-0.5 hover:text-white"
            onClick={() => {
              const title = window.prompt("Row title", "New row");
              if (title) setDraft((current) => addRow(current, title));
            }}
          >
            Add row
          </button>
        </div>
      ) : null}
      {variables.error ? (
        <p role="alert" className="mb-2 text-sm text-rose-300">
          Could not resolve the variables: {variables.error}
        </p>
      ) : null}
      <VariableBar variables={variables.resolved} onChange={(name, values) => setUrlState({ variables: { ...state.variables, [name]: values } })} />
      {!mounted ? (
        <div role="status" aria-label="Loading dashboard" className="h-64 animate-pulse rounded bg-edge/40" />
      ) : panelCount === 0 && dashboard.panels.length === 0 ? (
        <p className="rounded border border-edge bg-panel py-10 text-center text-sm text-slate-400">
          This dashboard has no panels yet.{canEdit && saved.source === "database" ? (editing ? " Add one above." : " Edit it to add some.") : ""}
        </p>
      ) : (
        <DashboardGrid items={dashboard.panels} collapsed={editing ? {} : collapsed} onToggleRow={toggleRow} panelActions={panelActions} rowActions={rowActions} />
      )}
      {editingPanel ? (
        <PanelEditor
          panel={editingPanel.panel}
          dashboardDatasource={dashboard.datasource}
          datasourceVariables={dashboard.variables.flatMap((variable) => (variable.type === "datasource" ? [variable.name] : []))}
          isNew={editingPanel.isNew}
          onCancel={() => setEditingPanel(null)}
          onApply={(panel) => {
            setDraft((current) => (editingPanel.isNew ? addPanel(current, panel, editingPanel.rowId) : replacePanel(current, panel)));
            setEditingPanel(null);
          }}
        />
      ) : null}
    </DashboardContext.Provider>
  );
}
