"use client";

import { useState } from "react";
import type { Panel } from "@/lib/dashboards/schema";
import { thresholdColor } from "@/lib/dashboards/series";
import { framesToTable, sortTableRows } from "@/lib/dashboards/table";
import { formatValue } from "@/lib/dashboards/units";
import type { PanelData } from "../use-panel-data";

export interface TablePanelProps {
  panel: Extract<Panel, { type: "table" }>;
  data: PanelData;
}

/** One row per series with its varying labels and value; click a header to sort. */
export function TablePanel({ panel, data }: TablePanelProps) {
  const [sort, setSort] = useState<{ column: string; desc: boolean }>(panel.options.sortBy ?? { column: "Value", desc: true });
  const model = framesToTable(data.frames, panel.options.reduce);
  const rows = sortTableRows(model.rows, sort.column, sort.desc);
  const columns = [...model.labelColumns, "Value"];
  const header = (column: string) => {
    const active = sort.column === column;
    return (
      <th key={column} scope="col" aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"} className={`sticky top-0 bg-panel px-2 py-1 font-medium ${column === "Value" ? "text-right" : "text-left"}`}>
        <button type="button" onClick={() => setSort({ column, desc: active ? !sort.desc : column === "Value" })} className="hover:text-white">
          {column}
          {active ? (sort.desc ? " ▼" : " ▲") : ""}
        </button>
      </th>
    );
  };
  return (
    <div className="h-full overflow-auto">
      <table className="w-full text-xs">
        <thead className="text-slate-400">
          <tr>{columns.map(header)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const settings = { ...panel.fieldConfig.defaults, ...data.frames[row.frameIndex]?.settings };
            const color = thresholdColor(row.value, settings.thresholds, settings.min, settings.max);
            return (
              <tr key={row.key} className="border-t border-edge/60">
                {model.labelColumns.map((column) => (
                  <td key={column} className="px-2 py-1 text-slate-300">
                    {row.labels[column] ?? ""}
                  </td>
                ))}
                <td className="px-2 py-1 text-right font-mono" style={{ color }}>
                  {formatValue(row.value, settings.unit, settings.decimals)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
