/*
 * Query variables as Grafana's Prometheus data source writes them:
 * label_values(label), label_values(selector, label), label_names(), metrics(regex), query_result(expr).
 */

export type VariableQuery =
  | { kind: "label_values"; label: string; match?: string }
  | { kind: "label_names"; match?: string }
  | { kind: "metrics"; regex: string }
  | { kind: "query_result"; expr: string };

/** Reads a query variable's definition; undefined when it is none of the supported forms. */
export function parseVariableQuery(text: string): VariableQuery | undefined {
  const query = text.trim();
  let match = /^label_values\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)$/.exec(query);
  if (match?.[1]) return { kind: "label_values", label: match[1] };
  match = /^label_values\(\s*([\s\S]+?)\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)$/.exec(query);
  if (match?.[1] && match[2]) return { kind: "label_values", label: match[2], match: match[1] };
  match = /^label_names\(\s*([\s\S]*?)\s*\)$/.exec(query);
  if (match) return match[1] ? { kind: "label_names", match: match[1] } : { kind: "label_names" };
  match = /^metrics\(\s*([\s\S]*?)\s*\)$/.exec(query);
  if (match) return { kind: "metrics", regex: match[1] ?? "" };
  match = /^query_result\(\s*([\s\S]+)\s*\)$/.exec(query);
  if (match?.[1]) return { kind: "query_result", expr: match[1] };
  return undefined;
}

/**
 * A query_result line is the series as Prometheus prints it plus the value and timestamp,
 * `up{job="x"} 1 1700000000000`; Grafana users pick parts of it with a regex.
 */
export function queryResultLine(labels: Record<string, string>, value: string, timestampMs: number): string {
  const { __name__: name = "", ...rest } = labels;
  const pairs = Object.entries(rest).map(([key, item]) => `${key}="${item}"`);
  return `${name}{${pairs.join(",")}} ${value} ${timestampMs}`;
}

/** Keeps the values a variable's regex matches, replaced by the first capture group when it has one. */
export function applyVariableRegex(values: readonly string[], regex: string | undefined): string[] {
  if (!regex) return [...values];
  const body = /^\/(.*)\/([gimsuy]*)$/.exec(regex);
  let pattern: RegExp;
  try {
    pattern = body ? new RegExp(body[1] ?? "", (body[2] ?? "").replace("g", "")) : new RegExp(regex);
  } catch {
    return [...values];
  }
  const kept: string[] = [];
  for (const value of values) {
    const found = pattern.exec(value);
    if (!found) continue;
    const captured = found.groups?.value ?? found[1] ?? value;
    kept.push(captured);
  }
  return kept;
}

/** Sorted and deduplicated options. */
export function sortVariableValues(values: readonly string[], sort: "none" | "alphabetical" | "numerical"): string[] {
  const unique = [...new Set(values)];
  if (sort === "alphabetical") return unique.sort((a, b) => a.localeCompare(b));
  if (sort === "numerical") return unique.sort((a, b) => (Number.parseFloat(a) || 0) - (Number.parseFloat(b) || 0));
  return unique;
}
