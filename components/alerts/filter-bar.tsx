"use client";

import { forwardRef } from "react";
import { STATE_FILTERS, type StateFilter } from "@/lib/alerts/filter";
import type { AlertSort } from "@/lib/alerts/group";

export interface FilterBarProps {
  text: string;
  onTextChange: (text: string) => void;
  errors: string[];
  groupBy: string[];
  onGroupByChange: (labels: string[]) => void;
  sort: AlertSort;
  onSortChange: (sort: AlertSort) => void;
  states: StateFilter[];
  onStatesChange: (states: StateFilter[]) => void;
}

const SORTS: Array<[string, string]> = [
  ["severity", "Severity"],
  ["startsAt", "Start time (newest first)"],
];

/** Matchers and words, grouping, sorting and state filters; the page keeps all of it in the URL. */
export const FilterBar = forwardRef<HTMLInputElement, FilterBarProps>(function FilterBar(
  { text, onTextChange, errors, groupBy, onGroupByChange, sort, onSortChange, states, onStatesChange },
  ref,
) {
  const sortLabel = sort.startsWith("label:") ? sort.slice("label:".length) : "";
  return (
    <div className="mb-3 space-y-2 rounded-lg border border-edge bg-panel p-3">
      <label className="block text-xs text-slate-400">
        Filter (matchers like <code>severity=&quot;critical&quot;</code>, <code>team=~&quot;ml.*&quot;</code>, and free text)
        <input
          ref={ref}
          type="search"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          placeholder='severity="critical" service=~"inferno.*" timeout'
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? "alert-filter-errors" : undefined}
          className="mt-1 w-full rounded border border-edge bg-surface px-2 py-1.5 font-mono text-sm text-slate-100"
        />
      </label>
      {errors.length > 0 ? (
        <p id="alert-filter-errors" role="alert" className="text-xs text-rose-300">
          {errors.join("; ")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-4 text-xs text-slate-400">
        <label>
          Group by (labels, comma-separated)
          <input
            key={groupBy.join(",")}
            defaultValue={groupBy.join(", ")}
            onBlur={(event) => onGroupByChange(splitLabels(event.target.value))}
            onKeyDown={(event) => {
              if (event.key === "Enter") onGroupByChange(splitLabels(event.currentTarget.value));
            }}
            placeholder="none"
            className="ml-2 w-48 rounded border border-edge bg-surface px-2 py-1 text-slate-200"
          />
        </label>
        <label>
          Sort by
          <select
            value={sort.startsWith("label:") ? "label" : sort}
            onChange={(event) => onSortChange(event.target.value === "label" ? `label:${sortLabel || "instance"}` : event.target.value === "startsAt" ? "startsAt" : "severity")}
            className="ml-2 rounded border border-edge bg-surface px-2 py-1 text-slate-200"
          >
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="label">Label…</option>
          </select>
        </label>
        {sort.startsWith("label:") ? (
          <label>
            Sort label
            <input
              key={sortLabel}
              defaultValue={sortLabel}
              onBlur={(event) => {
                const label = event.target.value.trim();
                if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label)) onSortChange(`label:${label}`);
              }}
              className="ml-2 w-28 rounded border border-edge bg-surface px-2 py-1 text-slate-200"
            />
          </label>
        ) : null}
        <fieldset className="flex flex-wrap items-center gap-3">
          <legend className="sr-only">States</legend>
          {STATE_FILTERS.map((state) => (
            <label key={state} className="flex items-center gap-1 text-slate-300">
              <input
                type="checkbox"
                checked={states.includes(state)}
                onChange={(event) => onStatesChange(event.target.checked ? [...states, state] : states.filter((other) => other !== state))}
              />
              {state}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  );
});

function splitLabels(text: string): string[] {
  return text
    .split(",")
    .map((label) => label.trim())
    .filter((label) => /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label));
}
