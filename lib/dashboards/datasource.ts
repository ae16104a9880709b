import { DEFAULT_SOURCE_NAME } from "@/lib/validations/prometheus";
import { interpolate, type VariableValues } from "./interpolate";

/*
 * Which configured Prometheus-API source a panel or variable asks. A reference is a source name or
 * a datasource variable (`${DS}`); the panel's own wins over the dashboard's, and nothing at all
 * means the default source (PROMETHEUS_URL).
 */

/** A source reference with variables expanded; undefined when it names none (the default source). */
export function resolveSourceRef(ref: string | undefined, variables: VariableValues): string | undefined {
  if (ref === undefined) return undefined;
  const name = interpolate(ref, variables).trim();
  return name === "" ? undefined : name;
}

/** The source a panel asks: its own reference, else the dashboard's, expanded. */
export function panelSource(panelRef: string | undefined, dashboardRef: string | undefined, variables: VariableValues): string | undefined {
  return resolveSourceRef(panelRef ?? dashboardRef, variables);
}

/** The same source written one way: the default source is left out, so keys and URLs stay as before sources existed. */
export function normalizeSource(name: string | undefined): string | undefined {
  return name === undefined || name === DEFAULT_SOURCE_NAME ? undefined : name;
}

/**
 * Why a panel cannot ask its source, or undefined when it can: a name that is not configured
 * (a dashboard from another installation), or a variable reference nothing defines.
 */
export function sourceProblem(name: string | undefined, configured: readonly string[] | undefined): string | undefined {
  if (name === undefined || configured === undefined) return undefined;
  if (configured.includes(name)) return undefined;
  if (/[$[{]/.test(name)) return `The source "${name}" refers to a variable this dashboard does not define.`;
  return `The Prometheus source "${name}" is not configured here (configured: ${configured.join(", ")}). Choose another source in the panel editor, or add it to PROMETHEUS_SOURCES.`;
}

/**
 * The options and selection of a datasource variable: the configured sources (those matching the
 * variable's regex when it has one), and the chosen one from the URL, its saved `current`, the
 * default source, or the first option. A selection that is not configured is not kept.
 */
export function datasourceVariableChoice(
  variable: { regex?: string; current: string[] },
  fromUrl: string[] | undefined,
  configured: readonly string[],
): { options: string[]; selected: string[] } {
  let pattern: RegExp | undefined;
  try {
    pattern = variable.regex ? new RegExp(variable.regex) : undefined;
  } catch {
    pattern = undefined;
  }
  const options = pattern ? configured.filter((name) => pattern.test(name)) : [...configured];
  const wanted = [...(fromUrl ?? []), ...variable.current].find((name) => options.includes(name));
  const fallback = options.includes(DEFAULT_SOURCE_NAME) ? DEFAULT_SOURCE_NAME : options[0];
  const selected = wanted ?? fallback;
  return { options, selected: selected === undefined ? [] : [selected] };
}
