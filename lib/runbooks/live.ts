import { parseMatchers } from "../alertmanager/matchers.ts";

/*
 * Live runbooks: ```promql blocks become charts, and links to dashboards carry the alert's labels.
 * Both take the alert the runbook was opened from (its labels) as variables.
 */

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Escapes a label value for a PromQL double-quoted string. */
function escapePromqlString(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/**
 * Replaces `$label` and `${label}` with the alert's value of that label, escaped for use inside a
 * PromQL string (`{job="$job"}`). Variables the alert lacks stay as written, so the query fails
 * visibly rather than silently matching everything.
 */
export function substituteVariables(query: string, variables: Readonly<Record<string, string>>): string {
  return query.replace(VARIABLE, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? "";
    const value = variables[name];
    return value === undefined ? whole : escapePromqlString(value);
  });
}

/** The variables a query uses that the alert does not provide. */
export function missingVariables(query: string, variables: Readonly<Record<string, string>>): string[] {
  const missing = new Set<string>();
  for (const found of query.matchAll(VARIABLE)) {
    const name = found[1] ?? found[2] ?? "";
    if (variables[name] === undefined) missing.add(name);
  }
  return [...missing];
}

/**
 * A link to one of the console's dashboards with the alert's labels as `var-<label>` parameters
 * (values already in the link win). Other links are returned unchanged.
 */
export function dashboardLinkWithVariables(href: string, variables: Readonly<Record<string, string>>): string {
  if (!href.startsWith("/dashboards")) return href;
  const url = new URL(href, "http://console.invalid");
  for (const [name, value] of Object.entries(variables)) {
    if (name === "__name__" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    if (!url.searchParams.has(`var-${name}`)) url.searchParams.set(`var-${name}`, value);
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a search snippet (matches between \u0001 and \u0002, as the search query writes them) into parts. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of snippet.split(/[\u0001\u0002]/).entries()) {
    if (piece) parts.push({ text: piece, match: index % 2 === 1 });
  }
  return parts;
}

/** Labels from the URL form `alertname="X",job="y"` (equality matchers only); bad text gives {}. */
export function labelsFromParam(text: string | undefined): Record<string, string> {
  if (!text) return {};
  const parsed = parseMatchers(text);
  if (!parsed.ok) return {};
  const labels: Record<string, string> = {};
  for (const matcher of parsed.value) if (!matcher.isRegex && (matcher.isEqual ?? true)) labels[matcher.name] = matcher.value;
  return labels;
}
