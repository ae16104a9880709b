"use client";

import { useState } from "react";
import { ALL_VALUE } from "@/lib/dashboards/interpolate";
import type { ResolvedVariable } from "@/lib/dashboards/variables";

export interface VariableBarProps {
  variables: ResolvedVariable[];
  onChange: (name: string, values: string[]) => void;
}

function MultiSelect({ variable, onChange }: { variable: ResolvedVariable; onChange: (values: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const all = variable.selected.includes(ALL_VALUE);
  const summary = all ? "All" : variable.selected.length ? variable.selected.join(" + ") : "None";
  const toggle = (value: string) => {
    const current = all ? [] : variable.selected;
    const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
    onChange(next.length ? next : variable.includeAll ? [ALL_VALUE] : []);
  };
  return (
    <div className="relative">
      <button type="button" aria-label={variable.label} aria-expanded={open} onClick={() => setOpen((value) => !value)} className="max-w-64 truncate rounded border border-edge bg-surface px-2 py-1 text-left text-slate-200">
        {summary} ▾
      </button>
      {open ? (
        <div role="listbox" aria-multiselectable aria-label={`${variable.label} values`} className="absolute left-0 top-8 z-40 max-h-72 w-64 overflow-auto rounded border border-edge bg-panel p-1 shadow-xl">
          {variable.includeAll ? (
            <label className="flex items-center gap-2 rounded px-2 py-0.5 hover:bg-edge">
              <input type="checkbox" checked={all} onChange={() => onChange([ALL_VALUE])} />
              All
            </label>
          ) : null}
          {variable.options.map((option) => (
            <label key={option} className="flex items-center gap-2 rounded px-2 py-0.5 hover:bg-edge">
              <input type="checkbox" checked={!all && variable.selected.includes(option)} onChange={() => toggle(option)} />
              <span className="truncate">{option}</span>
            </label>
          ))}
          <button type="button" onClick={() => setOpen(false)} className="mt-1 w-full rounded bg-edge px-2 py-0.5 text-xs">
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The dashboard's variables as pickers; a variable whose options failed says why. */
export function VariableBar({ variables, onChange }: VariableBarProps) {
  // A datasource variable with a single source to choose is no choice: not shown.
  const shown = variables.filter((variable) => !variable.hide && variable.type !== "constant" && !(variable.type === "datasource" && variable.options.length <= 1));
  if (shown.length === 0) return null;
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3 text-sm" aria-label="Variables" role="group">
      {shown.map((variable) => (
        <div key={variable.name} className="flex items-center gap-1.5">
          <span className="rounded-l text-xs text-slate-400">{variable.label}</span>
          {variable.type === "textbox" ? (
            <input
              aria-label={variable.label}
              defaultValue={variable.selected[0] ?? ""}
              onKeyDown={(event) => {
                if (event.key === "Enter") onChange(variable.name, [event.currentTarget.value]);
              }}
              onBlur={(event) => {
                if (event.currentTarget.value !== (variable.selected[0] ?? "")) onChange(variable.name, [event.currentTarget.value]);
              }}
              className="w-36 rounded border border-edge bg-surface px-2 py-1 text-slate-200"
            />
          ) : variable.multi ? (
            <MultiSelect variable={variable} onChange={(values) => onChange(variable.name, values)} />
          ) : (
            <select
              aria-label={variable.label}
              value={variable.selected[0] ?? ""}
              onChange={(event) => onChange(variable.name, [event.target.value])}
              className="max-w-64 rounded border border-edge bg-surface px-2 py-1 text-slate-200"
            >
              {variable.includeAll ? <option value={ALL_VALUE}>All</option> : null}
              {variable.options.length === 0 && !variable.includeAll ? <option value="">(no values)</option> : null}
              {variable.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          )}
          {variable.error ? (
            <span role="alert" className="text-xs text-rose-300" title={variable.resolvedQuery}>
              {variable.error}
            </span>
          ) : null}
        </div>
      ))}
    </div>
  );
}
