"use client";

import { variableSchema, type Variable } from "@/lib/dashboards/schema";

export interface VariablesEditorProps {
  variables: Variable[];
  onChange: (variables: Variable[]) => void;
}

const field = "rounded border border-edge bg-surface px-2 py-1 text-sm";
const TYPES: Array<Variable["type"]> = ["query", "custom", "interval", "constant", "textbox", "datasource"];

/** A blank variable of a type, with a name not yet used. */
function blank(type: Variable["type"], name: string): Variable {
  switch (type) {
    case "query":
      return variableSchema.parse({ type, name, query: "label_values(job)", multi: true, includeAll: true });
    case "custom":
      return variableSchema.parse({ type, name, options: [{ text: "a", value: "a" }] });
    case "interval":
      return variableSchema.parse({ type, name, options: ["1m", "5m", "15m", "1h"] });
    case "constant":
      return variableSchema.parse({ type, name, value: "" });
    case "textbox":
      return variableSchema.parse({ type, name, value: "" });
    case "datasource":
      return variableSchema.parse({ type, name });
  }
}

/** The definition of one variable in the form people type it: the query, or values separated by commas. */
function definitionOf(variable: Variable): string {
  switch (variable.type) {
    case "query":
      return variable.query;
    case "custom":
      return variable.options.map((option) => option.value).join(", ");
    case "interval":
      return variable.options.join(", ");
    case "constant":
    case "textbox":
      return variable.value;
    case "datasource":
      return variable.regex ?? "";
  }
}

function withDefinition(variable: Variable, text: string): Variable {
  const list = text.split(",").map((item) => item.trim()).filter(Boolean);
  switch (variable.type) {
    case "query":
      return { ...variable, query: text };
    case "custom":
      return list.length ? { ...variable, options: list.map((value) => ({ text: value, value })) } : variable;
    case "interval":
      return list.length ? { ...variable, options: list } : variable;
    case "constant":
    case "textbox":
      return { ...variable, value: text };
    case "datasource":
      return { ...variable, regex: text.trim() || undefined };
  }
}

/** Variables as rows: name, type, definition (query or comma-separated values), multi and All. */
export function VariablesEditor({ variables, onChange }: VariablesEditorProps) {
  const update = (index: number, next: Variable) => onChange(variables.map((item, position) => (position === index ? next : item)));
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium text-white">Variables</legend>
      {variables.map((variable, index) => (
        <div key={index} className="flex flex-wrap items-center gap-2">
          <input aria-label={`Variable ${index + 1} name`} value={variable.name} onChange={(event) => update(index, { ...variable, name: event.target.value })} className={`${field} w-32 font-mono`} />
          <select
            aria-label={`Variable ${index + 1} type`}
            value={variable.type}
            onChange={(event) => {
              const type = TYPES.find((item) => item === event.target.value);
              if (type) update(index, blank(type, variable.name));
            }}
            className={field}
          >
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
          <input
            aria-label={`Variable ${index + 1} definition`}
            placeholder={variable.type === "query" ? "label_values(metric{job=\"$job\"}, label)" : variable.type === "datasource" ? "regex over source names (empty: every source)" : "values, separated, by commas"}
            defaultValue={definitionOf(variable)}
            onBlur={(event) => update(index, withDefinition(variable, event.target.value))}
            className={`${field} min-w-64 flex-1 font-mono`}
          />
          {"multi" in variable ? (
            <>
              <label className="flex items-center gap-1 text-xs">
                <input type="checkbox" checked={variable.multi} onChange={(event) => update(index, { ...variable, multi: event.target.checked })} /> Multi
              </label>
              <label className="flex items-center gap-1 text-xs">
                <input type="checkbox" checked={variable.includeAll} onChange={(event) => update(index, { ...variable, includeAll: event.target.checked })} /> All
              </label>
            </>
          ) : null}
          <button type="button" className="text-xs text-rose-300" onClick={() => onChange(variables.filter((_, position) => position !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="rounded bg-edge px-2 py-0.5 text-xs"
        onClick={() => {
          let count = variables.length + 1;
          while (variables.some((variable) => variable.name === `var${count}`)) count += 1;
          onChange([...variables, blank("query", `var${count}`)]);
        }}
      >
        Add variable
      </button>
    </fieldset>
  );
}
