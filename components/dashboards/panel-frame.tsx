"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { Panel } from "@/lib/dashboards/schema";
import { BarGaugePanel } from "./panels/bar-gauge-panel";
import { GaugePanel } from "./panels/gauge-panel";
import { HeatmapPanel } from "./panels/heatmap-panel";
import { StatPanel } from "./panels/stat-panel";
import { TablePanel } from "./panels/table-panel";
import { TextPanel } from "./panels/text-panel";
import { TimeSeriesPanel } from "./panels/time-series-panel";
import { UnsupportedPanel } from "./panels/unsupported-panel";
import { downloadCsv, PanelInspect } from "./panel-inspect";
import { usePanelData, type PanelData } from "./use-panel-data";

export interface PanelFrameProps {
  panel: Panel;
  /** Edit controls shown in the menu when the dashboard is being edited. */
  editActions?: ReactNode;
}

function PanelBody({ panel, data }: { panel: Panel; data: PanelData }) {
  switch (panel.type) {
    case "timeseries":
      return <TimeSeriesPanel panel={panel} data={data} />;
    case "stat":
      return <StatPanel panel={panel} data={data} />;
    case "gauge":
      return <GaugePanel panel={panel} data={data} />;
    case "bargauge":
      return <BarGaugePanel panel={panel} data={data} />;
    case "table":
      return <TablePanel panel={panel} data={data} />;
    case "heatmap":
      return <HeatmapPanel panel={panel} data={data} />;
    case "text":
      return <TextPanel panel={panel} />;
    case "unsupported":
      return <UnsupportedPanel panel={panel} />;
  }
}

/** A panel's card: title, description, menu (inspect, CSV, edit), and its own loading, error and empty states. */
export function PanelFrame({ panel, editActions }: PanelFrameProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);

  useLayoutEffect(() => {
    const element = bodyRef.current;
    if (!element) return;
    // Steps come in nice sizes, so small width changes do not change the query.
    const measure = () => setWidth(Math.max(100, Math.round(element.clientWidth / 50) * 50));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const data = usePanelData(panel, width);
  const runsQueries = panel.type !== "text" && panel.type !== "unsupported";
  const empty = runsQueries && !data.loading && data.errors.length === 0 && data.frames.length === 0;
  const title = panel.title || (panel.type === "text" ? "" : "Untitled panel");

  return (
    <section aria-label={title || `${panel.type} panel`} data-panel-id={panel.id} className="flex h-full min-h-0 flex-col rounded-md border border-edge bg-panel">
      <header className="flex h-7 shrink-0 items-center gap-1.5 px-2 text-sm">
        <h3 className="truncate font-medium text-slate-100">{title}</h3>
        {panel.description ? (
          <span className="group relative cursor-help text-xs text-slate-500" tabIndex={0} aria-label={`About: ${panel.description}`}>
            <span aria-hidden className="inline-flex h-3.5 w-3.5 items-center justify-center rounded-full border border-slate-500 text-[9px] leading-none">i</span>
            <span role="tooltip" className="pointer-events-none absolute left-0 top-5 z-30 hidden w-64 rounded border border-edge bg-surface p-2 text-xs font-normal text-slate-300 shadow-lg group-hover:block group-focus:block">
              {panel.description}
            </span>
          </span>
        ) : null}
        {data.fetching && !data.loading ? <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-info" aria-label="Refreshing" /> : null}
        <div className="relative ml-auto">
          <button type="button" aria-label={`Menu of ${title || panel.id}`} aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)} className="rounded px-1.5 text-slate-400 hover:bg-edge hover:text-white">
            ⋯
          </button>
          {menuOpen ? (
            <div role="menu" className="absolute right-0 top-6 z-30 flex w-40 flex-col rounded border border-edge bg-surface py-1 text-sm shadow-lg" onClick={() => setMenuOpen(false)}>
              {runsQueries ? (
                <>
                  <button type="button" role="menuitem" className="px-3 py-1 text-left hover:bg-edge" onClick={() => setInspecting(true)}>
                    Inspect
                  </button>
                  <button type="button" role="menuitem" className="px-3 py-1 text-left hover:bg-edge" onClick={() => downloadCsv(panel, data)}>
                    Export CSV
                  </button>
                </>
              ) : null}
              {editActions}
            </div>
          ) : null}
        </div>
      </header>
      <div ref={bodyRef} className="relative flex min-h-0 flex-1 flex-col px-2 pb-2">
        {data.errors.length ? (
          <div role="alert" className="mb-1 max-h-24 overflow-auto rounded border border-critical/40 bg-critical/10 px-2 py-1 text-xs">
            {data.errors.map((error) => (
              <div key={error.refId}>
                {/* A problem with the panel's source has no query of its own to name. */}
                <p className="text-rose-200">{error.expr ? `Query ${error.refId} failed: ${error.message}` : error.message}</p>
                {error.expr ? <p className="break-all font-mono text-rose-100/70">{error.expr}</p> : null}
              </div>
            ))}
          </div>
        ) : null}
        {data.loading ? (
          <div role="status" aria-label={`Loading ${title || "panel"}`} className="min-h-0 w-full flex-1 animate-pulse rounded bg-edge/40" />
        ) : empty ? (
          <p className="py-4 text-center text-sm text-slate-400">No data in this range.</p>
        ) : data.errors.length && data.frames.length === 0 ? null : (
          <div className="min-h-0 flex-1">
            <PanelBody panel={panel} data={data} />
          </div>
        )}
      </div>
      {inspecting ? <PanelInspect panel={panel} data={data} onClose={() => setInspecting(false)} /> : null}
    </section>
  );
}
