"use client";

import type { CSSProperties, ReactNode } from "react";
import { layoutSections, placeInSection } from "@/lib/dashboards/layout";
import type { LayoutItem, Panel, Row } from "@/lib/dashboards/schema";
import { PanelFrame } from "./panel-frame";

export interface DashboardGridProps {
  items: LayoutItem[];
  /** Rows the viewer collapsed or expanded in this visit, overriding the saved state. */
  collapsed: Record<string, boolean>;
  onToggleRow: (row: Row) => void;
  panelActions?: (panel: Panel) => ReactNode;
  rowActions?: (row: Row) => ReactNode;
}

const ROW_PX = 30;

/** The 24-column grid: on a phone each panel takes the full width at its own height. */
function PanelGrid({ panels, panelActions }: { panels: Panel[]; panelActions?: (panel: Panel) => ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-2 md:grid-cols-24 md:[grid-auto-rows:30px]">
      {placeInSection(panels).map(({ panel, gridPos }) => (
        <div
          key={panel.id}
          className="min-w-0 h-[var(--panel-h)] md:h-auto md:[grid-column:var(--panel-col)] md:[grid-row:var(--panel-row)]"
          style={
            {
              "--panel-col": `${gridPos.x + 1} / span ${gridPos.w}`,
              "--panel-row": `${gridPos.y + 1} / span ${gridPos.h}`,
              "--panel-h": `${gridPos.h * ROW_PX}px`,
            } as CSSProperties
          }
        >
          <PanelFrame panel={panel} editActions={panelActions?.(panel)} />
        </div>
      ))}
    </div>
  );
}

export function DashboardGrid({ items, collapsed, onToggleRow, panelActions, rowActions }: DashboardGridProps) {
  if (items.length === 0) return null;
  return (
    <div className="space-y-2">
      {layoutSections(items).map((section) => {
        if (section.kind === "panels") return <PanelGrid key={section.key} panels={section.panels} panelActions={panelActions} />;
        const row = section.row;
        const isCollapsed = collapsed[row.id] ?? row.collapsed;
        return (
          <div key={section.key}>
            <div className="flex items-center gap-2 border-b border-edge py-1">
              <button type="button" aria-expanded={!isCollapsed} onClick={() => onToggleRow(row)} className="flex items-center gap-2 text-sm font-semibold text-slate-200 hover:text-white">
                <span aria-hidden className="inline-block w-3">
                  {isCollapsed ? "▸" : "▾"}
                </span>
                {row.title || "Row"}
                {isCollapsed ? <span className="text-xs font-normal text-slate-500">({row.panels.length} panels)</span> : null}
              </button>
              {rowActions?.(row)}
            </div>
            {!isCollapsed && row.panels.length ? (
              <div className="mt-2">
                <PanelGrid panels={row.panels} panelActions={panelActions} />
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
