"use client";

import type { Reducer } from "@/lib/dashboards/schema";
import { REDUCER_LABELS } from "@/lib/dashboards/series";

export interface LegendItem {
  name: string;
  color: string;
  calcs: Array<{ reducer: Reducer; text: string }>;
}

export interface LegendProps {
  items: LegendItem[];
  calcs: Reducer[];
  hidden: ReadonlySet<number>;
  /** Click shows only this series (again: all); shift-click toggles it. */
  onToggle: (index: number, only: boolean) => void;
}

/** A chart's legend; with calcs it is a table of the reduced values per series. */
export function Legend({ items, calcs, hidden, onToggle }: LegendProps) {
  const button = (item: LegendItem, index: number) => (
    <button
      type="button"
      onClick={(event) => onToggle(index, !event.shiftKey && !event.metaKey && !event.ctrlKey)}
      aria-pressed={!hidden.has(index)}
      title="Click to show only this series, shift-click to toggle it"
      className={`flex min-w-0 items-center gap-1.5 text-left ${hidden.has(index) ? "opacity-40" : ""}`}
    >
      <span className="inline-block h-0.5 w-3 shrink-0 rounded" style={{ background: item.color, height: 3 }} />
      <span className="truncate">{item.name}</span>
    </button>
  );
  if (calcs.length === 0) {
    return (
      <ul aria-label="Legend" className="flex max-h-16 flex-wrap gap-x-3 gap-y-0.5 overflow-y-auto text-xs text-slate-300">
        {items.map((item, index) => (
          <li key={index} className="min-w-0 max-w-full">
            {button(item, index)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="max-h-28 overflow-y-auto">
      <table aria-label="Legend" className="w-full text-xs text-slate-300">
        <thead>
          <tr className="text-slate-500">
            <th className="text-left font-normal">Series</th>
            {calcs.map((calc) => (
              <th key={calc} className="px-2 text-right font-normal">
                {REDUCER_LABELS[calc]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            <tr key={index}>
              <td className="w-1/2 max-w-0 truncate">{button(item, index)}</td>
              {item.calcs.map((calc) => (
                <td key={calc.reducer} className="px-2 text-right font-mono">
                  {calc.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
