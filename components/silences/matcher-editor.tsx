"use client";

import { MATCH_OPERATORS, matcherInputSchema, type MatcherInput } from "@/lib/validations/silences";

export interface MatcherRow extends MatcherInput {
  /** A stable React key for the row. */
  key: number;
}

export interface MatcherEditorProps {
  rows: MatcherRow[];
  onChange: (rows: MatcherRow[]) => void;
  /** Errors from the last submit, keyed "matchers.<index>.<field>" or "matchers". */
  errors: Record<string, string[]>;
}

const INPUT = "w-full rounded border bg-surface px-2 py-1.5 font-mono text-sm text-white outline-none focus:border-info";

let nextKey = 1000;
export function newMatcherRow(row: MatcherInput = { name: "", operator: "=", value: "" }): MatcherRow {
  nextKey += 1;
  return { ...row, key: nextKey };
}

/** Problems of one row as it is typed (a bad regex shows at once, before anything is sent). */
function liveErrors(row: MatcherRow): Record<"name" | "value", string[]> {
  const errors: Record<"name" | "value", string[]> = { name: [], value: [] };
  if (row.name === "" && row.value === "") return errors;
  const parsed = matcherInputSchema.safeParse({ name: row.name, operator: row.operator, value: row.value });
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === "name" ? "name" : "value";
    errors[field].push(issue.message);
  }
  return errors;
}

/** Rows of label name, operator (=, !=, =~, !~) and value; every row must match for the silence to apply. */
export function MatcherEditor({ rows, onChange, errors }: MatcherEditorProps) {
  const update = (index: number, patch: Partial<MatcherInput>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  return (
    <fieldset>
      <legend className="mb-1 text-sm text-slate-300">Matchers (an alert is silenced when it matches every row)</legend>
      <div className="space-y-2">
        {rows.map((row, index) => {
          const live = liveErrors(row);
          const nameErrors = [...new Set([...live.name, ...(errors[`matchers.${index}.name`] ?? [])])];
          const valueErrors = [...new Set([...live.value, ...(errors[`matchers.${index}.value`] ?? []), ...(errors[`matchers.${index}.operator`] ?? [])])];
          const number = index + 1;
          return (
            <div key={row.key} className="grid grid-cols-[1fr_auto_2fr_auto] items-start gap-2">
              <div>
                <input
                  aria-label={`Matcher ${number} label name`}
                  value={row.name}
                  onChange={(event) => update(index, { name: event.target.value })}
                  placeholder="alertname"
                  aria-invalid={nameErrors.length > 0}
                  className={`${INPUT} ${nameErrors.length ? "border-critical" : "border-edge"}`}
                />
                {nameErrors.length ? <p className="mt-1 text-xs text-rose-300">{nameErrors.join(" ")}</p> : null}
              </div>
              <select
                aria-label={`Matcher ${number} operator`}
                value={row.operator}
                onChange={(event) => {
                  const operator = MATCH_OPERATORS.find((candidate) => candidate === event.target.value);
                  if (operator) update(index, { operator });
                }}
                className="rounded border border-edge bg-surface px-2 py-1.5 font-mono text-sm text-white"
              >
                {MATCH_OPERATORS.map((operator) => (
                  <option key={operator} value={operator}>
                    {operator}
                  </option>
                ))}
              </select>
              <div>
                <input
                  aria-label={`Matcher ${number} value`}
                  value={row.value}
                  onChange={(event) => update(index, { value: event.target.value })}
                  placeholder={row.operator.includes("~") ? "regex, fully anchored: inferno-.*" : "value"}
                  aria-invalid={valueErrors.length > 0}
                  className={`${INPUT} ${valueErrors.length ? "border-critical" : "border-edge"}`}
                />
                {valueErrors.length ? (
                  <p role="alert" className="mt-1 text-xs text-rose-300">
                    {valueErrors.join(" ")}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                aria-label={`Remove matcher ${number}`}
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
                className="rounded border border-edge px-2 py-1.5 text-sm text-slate-300 hover:text-white disabled:opacity-40"
              >
                ×
              </button>
            </div>
          );
        })}
      </div>
      {errors.matchers?.length ? (
        <p role="alert" className="mt-1 text-xs text-rose-300">
          {errors.matchers.join(" ")}
        </p>
      ) : null}
      <button type="button" onClick={() => onChange([...rows, newMatcherRow()])} className="mt-2 rounded border border-edge px-2.5 py-1 text-xs text-slate-200 hover:text-white">
        Add matcher
      </button>
    </fieldset>
  );
}
