import { datasourceVariableChoice, normalizeSource, resolveSourceRef } from "./datasource";
import { ALL_VALUE, interpolate, type VariableValues } from "./interpolate";
import type { Variable } from "./schema";
import { applyVariableRegex, parseVariableQuery, sortVariableValues, type VariableQuery } from "./variable-query";

/*
 * Resolving a dashboard's variables in order: each query variable is expanded with the values
 * of the variables before it (chaining), asked for its options, then given its selection from
 * the URL, its saved `current`, or its first option.
 */

export interface ResolvedVariable {
  name: string;
  label: string;
  type: Variable["type"];
  hide: boolean;
  multi: boolean;
  includeAll: boolean;
  options: string[];
  /** The selection; [ALL_VALUE] for All. */
  selected: string[];
  /** Why the options could not be loaded, if they could not. */
  error?: string;
  /** The query as sent (query variables). */
  resolvedQuery?: string;
  /** The source asked (query variables), when not the default. */
  source?: string;
}

/** Asks a Prometheus source (the default when undefined) for a query variable's raw values. */
export type OptionsFetcher = (query: VariableQuery, source: string | undefined) => Promise<string[]>;

/** What resolution needs to know beyond the variables: the configured sources and the dashboard's own. */
export interface SourceSettings {
  /** Names of the configured sources: a datasource variable's options. */
  configured: readonly string[];
  /** The dashboard's source reference, asked by query variables that name none. */
  dashboardDatasource?: string;
}

const DEFAULT_SETTINGS: SourceSettings = { configured: ["default"] };

export function selectionFor(
  variable: { multi: boolean; includeAll: boolean; current: string[] },
  fromUrl: string[] | undefined,
  options: readonly string[],
): string[] {
  const wanted = fromUrl?.length ? fromUrl : variable.current;
  if (wanted.includes(ALL_VALUE) && variable.includeAll) return [ALL_VALUE];
  const picked = wanted.filter((value) => value !== ALL_VALUE);
  if (picked.length) return variable.multi ? picked : picked.slice(0, 1);
  if (variable.includeAll) return [ALL_VALUE];
  return options[0] === undefined ? [] : [options[0]];
}

export async function resolveVariables(
  variables: readonly Variable[],
  urlSelections: Record<string, string[]>,
  fetchOptions: OptionsFetcher,
  settings: SourceSettings = DEFAULT_SETTINGS,
): Promise<ResolvedVariable[]> {
  const resolved: ResolvedVariable[] = [];
  const values: VariableValues = {};
  for (const variable of variables) {
    const item = await resolveOne(variable, urlSelections[variable.name], values, fetchOptions, settings);
    resolved.push(item);
    values[item.name] = toValue(item, variable);
  }
  return resolved;
}

function toValue(item: ResolvedVariable, variable: Variable): VariableValues[string] {
  const allValue = "allValue" in variable ? variable.allValue : undefined;
  return { values: item.selected, options: item.options, multi: item.multi || item.includeAll, allValue };
}

/** VariableValues for interpolation from resolved variables. */
export function variableValuesOf(resolved: readonly ResolvedVariable[], variables: readonly Variable[]): VariableValues {
  const values: VariableValues = {};
  for (const item of resolved) {
    const variable = variables.find((candidate) => candidate.name === item.name);
    if (variable) values[item.name] = toValue(item, variable);
  }
  return values;
}

async function resolveOne(
  variable: Variable,
  fromUrl: string[] | undefined,
  earlier: VariableValues,
  fetchOptions: OptionsFetcher,
  settings: SourceSettings,
): Promise<ResolvedVariable> {
  const base = { name: variable.name, label: ("label" in variable ? variable.label : undefined) ?? variable.name, type: variable.type, hide: variable.hide };
  switch (variable.type) {
    case "constant":
      return { ...base, multi: false, includeAll: false, options: [variable.value], selected: [variable.value] };
    case "textbox": {
      const value = fromUrl?.[0] ?? variable.value;
      return { ...base, multi: false, includeAll: false, options: [value], selected: [value] };
    }
    case "datasource":
      return { ...base, multi: false, includeAll: false, ...datasourceVariableChoice(variable, fromUrl, settings.configured) };
    case "interval": {
      const options = variable.options;
      return { ...base, multi: false, includeAll: false, options, selected: selectionFor({ multi: false, includeAll: false, current: variable.current }, fromUrl, options) };
    }
    case "custom": {
      const options = variable.options.map((option) => option.value);
      return { ...base, multi: variable.multi, includeAll: variable.includeAll, options, selected: selectionFor(variable, fromUrl, options) };
    }
    case "query": {
      const resolvedQuery = interpolate(variable.query, earlier);
      const parsed = parseVariableQuery(resolvedQuery);
      const source = normalizeSource(resolveSourceRef(variable.datasource ?? settings.dashboardDatasource, earlier));
      const common = { ...base, multi: variable.multi, includeAll: variable.includeAll, resolvedQuery, ...(source ? { source } : {}) };
      if (!parsed) {
        return { ...common, options: [], selected: selectionFor(variable, fromUrl, []), error: `"${variable.query}" is not label_values(label), label_values(selector, label), label_names(), metrics(regex) or query_result(expr).` };
      }
      try {
        const options = sortVariableValues(applyVariableRegex(await fetchOptions(parsed, source), variable.regex), variable.sort);
        return { ...common, options, selected: selectionFor(variable, fromUrl, options) };
      } catch (error) {
        // A cancelled lookup is not the variable's fault: let the whole resolution be retried.
        if (error instanceof Error && (error.name === "AbortError" || error.name === "CancelledError")) throw error;
        return { ...common, options: [], selected: selectionFor(variable, fromUrl, []), error: error instanceof Error ? error.message : String(error) };
      }
    }
  }
}
