import { variableSchema, type Variable } from "../schema";
import type { JsonObject } from "./detect";
import { Notes } from "./field-config";
import type { ImportStatus } from "./panels";
import { clip, field, readArray, readBoolean, readNumber, readObject, readObjects, readString } from "./read";
import { datasourceType, isPromql, type DatasourceContext } from "./targets";

/** One line of the import report for a variable; `type` is the Grafana variable type. */
export interface VariableReport {
  name: string;
  type: string;
  status: ImportStatus;
  reason: string | null;
}

export interface ConvertedVariable {
  variable: Variable | undefined;
  report: VariableReport;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DURATION = /^\d+(ms|s|m|h|d|w|y)$/;

/** `current.value` as a list: Grafana stores one value as a string and several as an array. */
function currentValues(variable: JsonObject): string[] {
  const current = readObject(variable.current);
  const value = field(current, "value");
  const single = readString(value);
  if (single !== undefined) return single === "" ? [] : [single];
  return readArray(value).flatMap((item) => {
    const text = readString(item);
    return text === undefined ? [] : [text];
  });
}

/** The query text of a query variable: a string, or `{query}` in newer Grafana; `definition` as a fallback. */
function queryText(variable: JsonObject): string | undefined {
  const query = variable.query;
  const text = readString(query) ?? readString(field(readObject(query), "query")) ?? readString(variable.definition);
  return text?.trim() || undefined;
}

/** Grafana's sort: 0 none, 1/2 alphabetical, 3/4 numerical, 5/6 alphabetical case-insensitive, 7/8 natural. */
function sortOf(value: unknown): "none" | "alphabetical" | "numerical" {
  const sort = readNumber(value) ?? 0;
  if (sort === 0) return "none";
  if (sort === 3 || sort === 4) return "numerical";
  return "alphabetical";
}

/** A custom variable's "a,b,c" (commas escaped as \,) with Grafana's "text : value" pairs. */
export function parseCustomOptions(query: string): Array<{ text: string; value: string }> {
  const parts = query.match(/(?:\\,|[^,])+/g) ?? [];
  return parts
    .map((part) => part.replace(/\\,/g, ",").trim())
    .filter((part) => part !== "")
    .map((part) => {
      const pair = /^(.+?)\s:\s(.+)$/.exec(part);
      return pair?.[1] && pair[2] ? { text: pair[1].trim(), value: pair[2].trim() } : { text: part, value: part };
    });
}

function selectable(variable: JsonObject) {
  const label = readString(variable.label)?.trim();
  const allValue = readString(variable.allValue);
  return {
    ...(label ? { label: clip(label, 200) } : {}),
    multi: readBoolean(variable.multi) === true,
    includeAll: readBoolean(variable.includeAll) === true,
    ...(allValue ? { allValue } : {}),
    current: currentValues(variable),
    hide: readNumber(variable.hide) === 2,
  };
}

function textbox(name: string, variable: JsonObject, value: string | undefined): Variable {
  const label = readString(variable.label)?.trim();
  return {
    name,
    type: "textbox",
    ...(label ? { label: clip(label, 200) } : {}),
    value: value ?? currentValues(variable)[0] ?? "",
    hide: readNumber(variable.hide) === 2,
  };
}

function convertOne(variable: JsonObject, name: string, type: string, context: DatasourceContext, notes: Notes): Variable | string {
  switch (type) {
    case "query": {
      const source = datasourceType(variable.datasource, context);
      const query = queryText(variable);
      if (!isPromql(source)) {
        notes.add(`queries a ${source} data source; kept as a text box with its current value`);
        return textbox(name, variable, undefined);
      }
      if (!query) {
        notes.add("it has no query; kept as a text box");
        return textbox(name, variable, undefined);
      }
      if (!/^(label_values|query_result)\s*\(/.test(query)) {
        notes.add(`query "${clip(query, 200)}" is not label_values(...) or query_result(...); kept as a text box with its current value`);
        return textbox(name, variable, undefined);
      }
      const regex = readString(variable.regex)?.trim();
      if (readNumber(variable.sort) === 2 || readNumber(variable.sort) === 4 || readNumber(variable.sort) === 6) notes.add("sorted ascending, not descending");
      return { name, type: "query", ...selectable(variable), query, ...(regex ? { regex } : {}), sort: sortOf(variable.sort) };
    }
    case "custom": {
      const fromQuery = parseCustomOptions(readString(variable.query) ?? "");
      const options = fromQuery.length
        ? fromQuery
        : readObjects(variable.options).flatMap((option) => {
            const value = readString(option.value);
            return value === undefined ? [] : [{ text: readString(option.text) ?? value, value }];
          });
      if (options.length === 0) {
        notes.add("it has no options; kept as a text box");
        return textbox(name, variable, undefined);
      }
      return { name, type: "custom", ...selectable(variable), options };
    }
    case "interval": {
      const all = (readString(variable.query) ?? "").split(",").map((part) => part.trim()).filter(Boolean);
      const options = all.filter((part) => DURATION.test(part));
      if (options.length < all.length) notes.add(`intervals ${all.filter((part) => !DURATION.test(part)).map((part) => `"${part}"`).join(", ")} are not fixed durations and are dropped`);
      if (readBoolean(variable.auto) === true) notes.add("the auto option is not supported; use $__interval in queries instead");
      if (options.length === 0) return "it lists no fixed intervals";
      const current = currentValues(variable).filter((value) => options.includes(value));
      return { name, type: "interval", ...(readString(variable.label)?.trim() ? { label: clip(readString(variable.label)?.trim() ?? "", 200) } : {}), options, current, hide: readNumber(variable.hide) === 2 };
    }
    case "constant":
      return { name, type: "constant", value: readString(variable.query) ?? currentValues(variable)[0] ?? "", hide: true };
    case "textbox":
      return textbox(name, variable, readString(variable.query) ?? currentValues(variable)[0]);
    case "datasource": {
      const plugin = readString(variable.query);
      if (plugin && !isPromql(plugin)) notes.add(`selects ${plugin} data sources; here it selects among the configured Prometheus-API sources`);
      if (readString(variable.regex)?.trim()) notes.add(`its filter ${readString(variable.regex)} is dropped: it chooses among every configured source`);
      const label = readString(variable.label)?.trim();
      const current = currentValues(variable).flatMap((value) => context.sources?.configuredName(value) ?? []);
      return { name, type: "datasource", ...(label ? { label: clip(label, 200) } : {}), current: current.slice(0, 1), hide: readNumber(variable.hide) === 2 };
    }
    case "adhoc":
      return "ad hoc filters are not supported; add a label_values variable and use it in the queries instead";
    default:
      return `Vigil has no "${type}" variable`;
  }
}

/** Converts one Grafana templating entry; an unconvertible one is left out, with the reason in the report. */
export function convertVariable(variable: JsonObject, context: DatasourceContext, taken: Set<string>): ConvertedVariable {
  const name = readString(variable.name) ?? "";
  const type = readString(variable.type) ?? "(no type)";
  const refuse = (reason: string): ConvertedVariable => ({ variable: undefined, report: { name, type, status: "unsupported", reason } });
  if (!NAME.test(name) || name.startsWith("__")) return refuse(`"${name}" is not a name Vigil accepts (letters, digits and _, not starting with __)`);
  if (taken.has(name)) return refuse(`a variable named "${name}" comes earlier; this one is left out`);
  const notes = new Notes();
  const result = convertOne(variable, name, type, context, notes);
  if (typeof result === "string") return refuse(`${result}; queries using $${name} will not resolve`);
  const parsed = variableSchema.safeParse(result);
  if (!parsed.success) return refuse(`could not be converted: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  taken.add(name);
  return {
    variable: parsed.data,
    report: { name, type, status: notes.reasons.length ? "partial" : "converted", reason: notes.reasons.length ? notes.reasons.join("; ") : null },
  };
}
