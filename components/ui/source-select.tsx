"use client";

import { useQuery } from "@tanstack/react-query";
import { sourcesQuery } from "@/lib/queries/prometheus";
import { DEFAULT_SOURCE_NAME } from "@/lib/validations/prometheus";

export interface SourceSelectProps {
  label: string;
  /** A source name or `${DS}`; undefined inherits. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** What choosing nothing means, e.g. "Dashboard's source (default)"; without it, nothing means the default source. */
  inheritLabel?: string;
  /** Datasource variables the value may refer to as `${name}`. */
  variables?: readonly string[];
  className?: string;
}

/**
 * Chooses a configured Prometheus-API source. Shown only when there is a choice to make (more
 * than one source, a datasource variable) or a value to see or undo, so a single-source install
 * never sees it.
 */
export function SourceSelect({ label, value, onChange, inheritLabel, variables = [], className = "" }: SourceSelectProps) {
  const sources = useQuery(sourcesQuery());
  const list = sources.data ?? [];
  if (list.length <= 1 && variables.length === 0 && value === undefined) return null;
  const known = value === undefined || list.some((source) => source.name === value) || variables.some((name) => `\${${name}}` === value);
  return (
    <label className={`flex flex-col gap-1 text-xs text-slate-400 ${className}`}>
      {label}
      <select
        aria-label={label}
        value={value ?? (inheritLabel === undefined ? DEFAULT_SOURCE_NAME : "")}
        onChange={(event) => onChange(event.target.value || undefined)}
        className="rounded border border-edge bg-surface px-2 py-1 text-sm text-slate-200"
      >
        {inheritLabel === undefined ? null : <option value="">{inheritLabel}</option>}
        {list.map((source) => (
          <option key={source.name} value={source.name}>
            {source.name} ({source.url})
          </option>
        ))}
        {variables.map((name) => (
          <option key={name} value={`\${${name}}`}>
            {`\${${name}}`} (variable)
          </option>
        ))}
        {value !== undefined && !known && sources.isSuccess ? <option value={value}>{value} (not configured)</option> : null}
      </select>
    </label>
  );
}
