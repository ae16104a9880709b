import type { Target } from "../schema";
import type { JsonObject } from "./detect";
import { Notes } from "./field-config";
import type { SourceMapper } from "./sources";
import { clip, field, readBoolean, readObject, readObjects, readString } from "./read";

/** How `${DS_...}` placeholders and `$datasource` references resolve to a data source type. */
export interface DatasourceContext {
  /** __inputs of type datasource: placeholder name (DS_PROMETHEUS) → plugin id (prometheus). */
  inputs: Map<string, string>;
  /** Datasource variables: name → plugin id they select (their `query`). */
  variables: Map<string, string>;
  /** Maps panels' data sources to configured Prometheus-API sources. */
  sources?: SourceMapper;
}

/** Plugins that answer PromQL; everything else (Loki, SQL, Elasticsearch, ...) cannot run here. */
const PROMQL_PLUGIN = /prometheus|victoriametrics|thanos|mimir|cortex/i;

const BUILT_IN: Record<string, string> = {
  "-- Grafana --": "grafana",
  grafana: "grafana",
  "-- Mixed --": "mixed",
  "-- Dashboard --": "dashboard",
};

function placeholderName(text: string): string | undefined {
  return /^\$\{([A-Za-z0-9_]+)(?::[a-z]+)?\}$/.exec(text)?.[1] ?? /^\$([A-Za-z0-9_]+)$/.exec(text)?.[1];
}

/**
 * The plugin type a panel's or query's `datasource` refers to, or undefined when it names a data source we
 * cannot see (a name such as "Prometheus", or nothing: the dashboard's default), which is assumed to be Prometheus.
 */
export function datasourceType(value: unknown, context: DatasourceContext): string | undefined {
  const object = readObject(value);
  if (object) {
    const type = readString(object.type);
    if (type && !type.startsWith("$")) return type;
    return datasourceType(object.uid, context);
  }
  const text = readString(value);
  if (text === undefined || text === "") return undefined;
  const builtIn = BUILT_IN[text];
  if (builtIn) return builtIn;
  const name = placeholderName(text);
  if (name) return context.inputs.get(name) ?? context.variables.get(name);
  return undefined;
}

export function isPromql(type: string | undefined): boolean {
  return type === undefined || PROMQL_PLUGIN.test(type);
}

const DURATION = /^\d+(ms|s|m|h|d|w|y)$/;
const REF_ID = /^[A-Za-z0-9_-]{1,16}$/;
export const MAX_TARGETS = 26;

export interface ConvertedTargets {
  targets: Target[];
  /** Queries for other data sources, described for the report and for an unsupported panel. */
  foreign: string[];
  /** The data source types of those queries. */
  foreignTypes: string[];
}

function letter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : `Q${index}`;
}

function describeForeign(target: JsonObject): string {
  const text = readString(target.expr) ?? readString(target.query) ?? readString(target.rawSql) ?? readString(target.target);
  return text ? clip(text.trim(), 500) : "(a query without a text form)";
}

/** A min interval as ours: ">10s" (old style) becomes "10s"; a $variable or "auto" cannot be kept. */
function convertInterval(value: string | undefined, notes: Notes): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const text = value.trim().replace(/^>/, "");
  if (DURATION.test(text)) return text;
  notes.add(`min interval "${value}" is not a fixed duration; the step is chosen from the panel width`);
  return undefined;
}

/** A panel's Prometheus queries (expr, legendFormat, instant, interval); other data sources are set aside. */
export function convertTargets(panel: JsonObject, context: DatasourceContext, notes: Notes): ConvertedTargets {
  const panelType = datasourceType(panel.datasource, context);
  const panelInterval = readString(panel.interval);
  const targets: Target[] = [];
  const foreign: string[] = [];
  const foreignTypes: string[] = [];
  const refIds = new Set<string>();
  for (const [index, target] of readObjects(panel.targets).entries()) {
    const ownType = datasourceType(target.datasource, context);
    const type = ownType ?? (panelType === "mixed" ? undefined : panelType);
    if (!isPromql(type)) {
      foreign.push(`${type}: ${describeForeign(target)}`);
      if (type && !foreignTypes.includes(type)) foreignTypes.push(type);
      continue;
    }
    const expr = readString(target.expr)?.trim();
    if (!expr) continue;
    if (targets.length >= MAX_TARGETS) {
      notes.add(`only the first ${MAX_TARGETS} queries are kept`);
      break;
    }
    let refId = readString(target.refId) ?? "";
    if (!REF_ID.test(refId) || refIds.has(refId)) refId = letter(index);
    while (refIds.has(refId)) refId = `${refId}_`;
    refIds.add(refId);
    const legend = readString(target.legendFormat);
    const instant = readBoolean(target.instant) === true;
    if (instant && readBoolean(target.range) === true) notes.add(`query ${refId} asks for both range and instant; runs as instant`);
    const minInterval = convertInterval(readString(target.interval) || panelInterval, notes);
    targets.push({
      refId,
      expr: clip(expr, 20_000),
      ...(legend && legend !== "__auto" ? { legendFormat: clip(legend, 500) } : {}),
      instant,
      ...(minInterval ? { minInterval } : {}),
      hide: readBoolean(target.hide) === true,
    });
  }
  return { targets, foreign, foreignTypes };
}

/** True when some query asked Grafana to shape the result as heatmap buckets. */
export function hasHeatmapFormat(panel: JsonObject): boolean {
  return readObjects(panel.targets).some((target) => readString(field(target, "format")) === "heatmap");
}
