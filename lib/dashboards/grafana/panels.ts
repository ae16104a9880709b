import { z } from "zod";
import { panelSchema, type FieldConfig, type GridPos, type Panel, type Reducer, type Target, type Thresholds } from "../schema";
import { convertColor } from "./colors";
import type { JsonObject } from "./detect";
import { convertFieldConfig, convertReducer, Notes } from "./field-config";
import { clip, field, readArray, readBoolean, readNumber, readObject, readObjects, readString, readStrings } from "./read";
import { convertTargets, datasourceType, hasHeatmapFormat, isPromql, type DatasourceContext } from "./targets";
import { convertUnit } from "./units";

export type ImportStatus = "converted" | "partial" | "unsupported";

/** One line of the import report; `type` is the Grafana panel type. */
export interface PanelReport {
  title: string;
  type: string;
  status: ImportStatus;
  reason: string | null;
}

export interface ConvertedPanel {
  panel: Panel;
  report: PanelReport;
}

interface Base {
  id: string;
  title: string;
  description?: string;
  gridPos: GridPos;
  datasource?: string;
  targets: Target[];
  fieldConfig: FieldConfig;
}

/** Grafana gridPos clamped into our 24-column grid; `offsetY` makes a row child's y relative to its row. */
export function convertGridPos(value: unknown, offsetY = 0, fallbackY = 0): GridPos {
  const grid = readObject(value);
  const int = (raw: unknown, fallback: number, min: number, max: number) =>
    Math.max(min, Math.min(max, Math.round(readNumber(raw) ?? fallback)));
  const w = int(field(grid, "w"), 12, 1, 24);
  const x = int(field(grid, "x"), 0, 0, 24 - w);
  return { x, y: Math.max(0, int(field(grid, "y"), fallbackY + offsetY, 0, 100_000) - offsetY), w, h: int(field(grid, "h"), 8, 1, 100) };
}

const PANEL_KINDS = ["graph", "timeseries", "stat", "singlestat", "gauge", "bargauge", "table", "table-old", "heatmap", "text"] as const;

/** Grafana panel types we say something specific about when refusing them. */
const NO_EQUIVALENT: Record<string, string> = {
  piechart: "Vigil has no pie chart panel",
  "grafana-piechart-panel": "Vigil has no pie chart panel",
  logs: "logs panels need a logs data source; Vigil reads Prometheus metrics",
  news: "Vigil has no news panel",
  dashlist: "Vigil has no dashboard list panel",
  alertlist: "alert lists live on Vigil's Alerts page",
  "state-timeline": "Vigil has no state timeline panel",
  "status-history": "Vigil has no status history panel",
  nodeGraph: "Vigil has no node graph panel",
  traces: "Vigil has no traces panel",
  geomap: "Vigil has no map panel",
  "grafana-worldmap-panel": "Vigil has no map panel",
  barchart: "Vigil has no bar chart panel (a time series panel can draw bars)",
  histogram: "Vigil has no histogram panel (a heatmap panel shows Prometheus histograms)",
  xychart: "Vigil has no XY chart panel",
  candlestick: "Vigil has no candlestick panel",
  canvas: "Vigil has no canvas panel",
  flamegraph: "Vigil has no flame graph panel",
  annolist: "Vigil has no annotation list panel",
  welcome: "Vigil has no welcome panel",
  gettingstarted: "Vigil has no getting-started panel",
};

function statusOf(notes: Notes): { status: ImportStatus; reason: string | null } {
  return notes.reasons.length ? { status: "partial", reason: notes.reasons.join("; ") } : { status: "converted", reason: null };
}

/** The panel as an "unsupported" panel: it keeps its place, says what it was and shows its queries. */
export function unsupportedPanel(base: Base, originalType: string, reason: string): ConvertedPanel {
  const panel: Panel = {
    ...base,
    targets: base.targets.map((target) => ({ ...target, hide: true })),
    type: "unsupported",
    options: { originalType: clip(originalType, 200), reason: clip(reason, 2_000) },
  };
  return { panel, report: { title: base.title, type: originalType, status: "unsupported", reason } };
}

function graphUnit(panel: JsonObject, axis: JsonObject | undefined, fieldConfig: FieldConfig, notes: Notes): FieldConfig {
  const { unit, reason } = convertUnit(readString(field(axis, "format")));
  notes.add(reason);
  const defaults = { ...fieldConfig.defaults };
  if (unit && !defaults.unit) defaults.unit = unit;
  const min = readNumber(field(axis, "min"));
  const max = readNumber(field(axis, "max"));
  const decimals = readNumber(field(axis, "decimals")) ?? readNumber(panel.decimals);
  if (min !== undefined) defaults.min = min;
  if (max !== undefined) defaults.max = max;
  if (decimals !== undefined) defaults.decimals = Math.max(0, Math.min(10, Math.round(decimals)));
  return { ...fieldConfig, defaults };
}

/** An alias in a graph's seriesOverrides or aliasColors: "/regex/" or a series name. */
function aliasMatcher(alias: string): { type: "byName" | "byRegexp"; value: string } {
  const regex = /^\/(.*)\/[a-z]*$/.exec(alias);
  return regex?.[1] ? { type: "byRegexp", value: regex[1] } : { type: "byName", value: alias };
}

function convertGraph(panel: JsonObject, base: Base, notes: Notes): Panel {
  const axes = readObjects(panel.yaxes);
  const fieldConfig = graphUnit(panel, axes[0], base.fieldConfig, notes);
  const overrides = [...fieldConfig.overrides];
  const aliasColors = readObject(panel.aliasColors) ?? {};
  for (const [alias, raw] of Object.entries(aliasColors)) {
    const color = convertColor(readString(raw));
    if (color) overrides.push({ matcher: { type: "byName", value: alias }, properties: { color } });
  }
  for (const override of readObjects(panel.seriesOverrides)) {
    const alias = readString(override.alias);
    if (!alias) continue;
    const color = convertColor(readString(override.color));
    const keys = Object.keys(override).filter((key) => key !== "alias" && key !== "color" && key !== "$$hashKey");
    if (color) overrides.push({ matcher: aliasMatcher(alias), properties: { color } });
    if (keys.includes("yaxis") && readNumber(override.yaxis) === 2) notes.add(`series "${alias}" on the right y axis is drawn on the left one`);
    const other = keys.filter((key) => key !== "yaxis");
    if (other.length) notes.add(`series override settings ${other.map((key) => `"${key}"`).join(", ")} are not supported`);
  }
  if (readObjects(panel.thresholds).length > 0) notes.add("graph threshold lines are not drawn");
  const logBase = readNumber(field(axes[0], "logBase"));
  if (logBase !== undefined && logBase !== 1) notes.add(`the logarithmic y axis (base ${logBase}) is drawn linear`);
  if (readString(field(readObject(panel.xaxis), "mode")) && readString(field(readObject(panel.xaxis), "mode")) !== "time") {
    notes.add(`x axis mode "${readString(field(readObject(panel.xaxis), "mode"))}" is not supported; drawn over time`);
  }
  const legend = readObject(panel.legend);
  const calcs: Reducer[] = [];
  if (readBoolean(field(legend, "values")) !== false) {
    const legendCalcs: Array<[string, Reducer]> = [["current", "last"], ["min", "min"], ["max", "max"], ["avg", "mean"], ["total", "sum"]];
    for (const [key, reducer] of legendCalcs) if (readBoolean(field(legend, key)) === true) calcs.push(reducer);
  }
  const bars = readBoolean(panel.bars) === true;
  const lines = readBoolean(panel.lines) !== false;
  const points = readBoolean(panel.points) === true;
  const stack = readBoolean(panel.stack) === true;
  const fill = readNumber(panel.fill) ?? 1;
  return {
    ...base,
    fieldConfig: { ...fieldConfig, overrides },
    type: "timeseries",
    options: {
      drawStyle: bars ? "bars" : !lines && points ? "points" : "line",
      stacking: stack ? (readBoolean(panel.percentage) === true ? "percent" : "normal") : "none",
      fillOpacity: Math.max(0, Math.min(100, Math.round(fill * 10))),
      lineWidth: Math.max(0, Math.min(10, readNumber(panel.linewidth) ?? 1)),
      legend: {
        show: readBoolean(field(legend, "show")) !== false,
        placement: readBoolean(field(legend, "rightSide")) === true ? "right" : "bottom",
        calcs,
      },
    },
  };
}

function legendOptions(options: JsonObject | undefined, notes: Notes) {
  const legend = readObject(field(options, "legend"));
  const show = readBoolean(field(legend, "showLegend")) ?? readString(field(legend, "displayMode")) !== "hidden";
  const calcs = readStrings(field(legend, "calcs")).map((calc) => convertReducer(calc, notes));
  return {
    show,
    placement: readString(field(legend, "placement")) === "right" ? ("right" as const) : ("bottom" as const),
    calcs: [...new Set(calcs)],
  };
}

function convertTimeseries(panel: JsonObject, base: Base, notes: Notes): Panel {
  const custom = readObject(field(readObject(field(readObject(panel.fieldConfig), "defaults")), "custom"));
  const drawStyle = readString(field(custom, "drawStyle"));
  const stacking = readString(field(readObject(field(custom, "stacking")), "mode"));
  const options = readObject(panel.options);
  const scale = readObject(field(custom, "scaleDistribution"));
  if (readString(field(scale, "type")) === "log") notes.add(`the logarithmic y axis (base ${readNumber(field(scale, "log")) ?? 2}) is drawn linear`);
  return {
    ...base,
    type: "timeseries",
    options: {
      drawStyle: drawStyle === "bars" || drawStyle === "points" ? drawStyle : "line",
      stacking: stacking === "normal" || stacking === "percent" ? stacking : "none",
      fillOpacity: Math.max(0, Math.min(100, readNumber(field(custom, "fillOpacity")) ?? 0)),
      lineWidth: Math.max(0, Math.min(10, readNumber(field(custom, "lineWidth")) ?? 1)),
      legend: legendOptions(options, notes),
    },
  };
}

/** reduceOptions.calcs[0] (Grafana 7+) or fieldOptions.calcs[0] (Grafana 6). */
function reducerOf(panel: JsonObject, notes: Notes): Reducer {
  const options = readObject(panel.options);
  const reduce = readObject(field(options, "reduceOptions")) ?? readObject(field(options, "fieldOptions"));
  if (readBoolean(field(reduce, "values")) === true) notes.add("shows every value (reduceOptions.values); Vigil shows one per series");
  const calcs = readStrings(field(reduce, "calcs"));
  if (calcs.length > 1) notes.add(`only the first calculation ("${calcs[0]}") is used`);
  return convertReducer(calcs[0], notes);
}

function convertStat(panel: JsonObject, base: Base, notes: Notes): Panel {
  const options = readObject(panel.options);
  const colorMode = readString(field(options, "colorMode"));
  return {
    ...base,
    type: "stat",
    options: {
      reduce: reducerOf(panel, notes),
      colorMode: colorMode === "background" || colorMode === "background_solid" ? "background" : colorMode === "none" ? "none" : "value",
      graphMode: readString(field(options, "graphMode")) === "none" ? "none" : "area",
    },
  };
}

/** singlestat's "80,90" thresholds and three colours as threshold steps. */
function singlestatThresholds(panel: JsonObject, notes: Notes): Thresholds | undefined {
  const values = (readString(panel.thresholds) ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map(Number);
  if (values.length === 0 || values.some((value) => !Number.isFinite(value))) return undefined;
  const colors = readStrings(panel.colors).map(convertColor);
  const fallback = ["green", "orange", "red"];
  const colorAt = (index: number) => colors[index] ?? fallback[Math.min(index, 2)] ?? "red";
  if (readBoolean(panel.invertColors) === true) colors.reverse();
  const steps = [{ value: null, color: colorAt(0) }, ...values.map((value, index) => ({ value, color: colorAt(index + 1) }))];
  if (colors.some((color) => color === undefined)) notes.add("a singlestat colour could not be read; a default is used");
  return { mode: "absolute", steps };
}

const SINGLESTAT_VALUE: Record<string, Reducer> = {
  current: "lastNotNull",
  avg: "mean",
  min: "min",
  max: "max",
  total: "sum",
  first: "first",
};

function convertSinglestat(panel: JsonObject, base: Base, notes: Notes): Panel {
  const { unit, reason } = convertUnit(readString(panel.format));
  notes.add(reason);
  const defaults = { ...base.fieldConfig.defaults };
  if (unit) defaults.unit = unit;
  const decimals = readNumber(panel.decimals);
  if (decimals !== undefined) defaults.decimals = Math.max(0, Math.min(10, Math.round(decimals)));
  const thresholds = singlestatThresholds(panel, notes);
  if (thresholds) defaults.thresholds = thresholds;
  const valueName = readString(panel.valueName) ?? "avg";
  const reduce = SINGLESTAT_VALUE[valueName] ?? "lastNotNull";
  if (!SINGLESTAT_VALUE[valueName]) notes.add(`value "${valueName}" is not supported; shows the last value`);
  if (readString(panel.prefix) || readString(panel.postfix)) notes.add("prefix and postfix text are not shown");
  const mappings = readObjects(panel.valueMaps).filter((map) => readString(map.op) !== undefined && readString(map.text) !== "N/A");
  if (mappings.length > 0 || readObjects(panel.rangeMaps).some((map) => readString(map.from))) notes.add("value mappings are not supported; raw values are shown");
  const gauge = readObject(panel.gauge);
  if (readBoolean(field(gauge, "show")) === true) {
    const min = readNumber(field(gauge, "minValue"));
    const max = readNumber(field(gauge, "maxValue"));
    return {
      ...base,
      fieldConfig: { ...base.fieldConfig, defaults: { ...defaults, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) } },
      type: "gauge",
      options: { reduce, showThresholdMarkers: readBoolean(field(gauge, "thresholdMarkers")) !== false },
    };
  }
  const background = readBoolean(panel.colorBackground) === true;
  const value = readBoolean(panel.colorValue) === true;
  return {
    ...base,
    fieldConfig: { ...base.fieldConfig, defaults },
    type: "stat",
    options: {
      reduce,
      colorMode: background ? "background" : value ? "value" : "none",
      graphMode: readBoolean(field(readObject(panel.sparkline), "show")) === true ? "area" : "none",
    },
  };
}

function convertGauge(panel: JsonObject, base: Base, notes: Notes): Panel {
  const options = readObject(panel.options);
  return {
    ...base,
    type: "gauge",
    options: { reduce: reducerOf(panel, notes), showThresholdMarkers: readBoolean(field(options, "showThresholdMarkers")) !== false },
  };
}

function convertBarGauge(panel: JsonObject, base: Base, notes: Notes): Panel {
  const options = readObject(panel.options);
  const displayMode = readString(field(options, "displayMode"));
  return {
    ...base,
    type: "bargauge",
    options: {
      reduce: reducerOf(panel, notes),
      orientation: readString(field(options, "orientation")) === "vertical" ? "vertical" : "horizontal",
      displayMode: displayMode === "basic" || displayMode === "lcd" ? displayMode : "gradient",
    },
  };
}

function convertTable(panel: JsonObject, base: Base, notes: Notes): Panel {
  const options = readObject(panel.options);
  const sort = readObjects(field(options, "sortBy"))[0];
  const column = readString(field(sort, "displayName"));
  if (readArray(panel.transformations).length > 0) notes.add("transformations are not applied; the table shows the query result");
  if (readArray(panel.styles).length > 0) notes.add("column styles of the old table panel are not converted");
  const legacySort = readObject(panel.sort);
  if (readNumber(field(legacySort, "col")) !== undefined) notes.add("the old table panel's sort column is not kept");
  return {
    ...base,
    type: "table",
    options: {
      reduce: "lastNotNull",
      ...(column ? { sortBy: { column: clip(column, 200), desc: readBoolean(field(sort, "desc")) ?? true } } : {}),
    },
  };
}

const HEATMAP_SCHEMES: Record<string, "oranges" | "blues" | "greens" | "spectral" | "viridis"> = {
  oranges: "oranges",
  blues: "blues",
  greens: "greens",
  spectral: "spectral",
  viridis: "viridis",
};

function convertHeatmap(panel: JsonObject, base: Base): Panel {
  const options = readObject(panel.options);
  const scheme = (readString(field(readObject(field(options, "color")), "scheme")) ?? readString(field(readObject(panel.color), "colorScheme")) ?? "")
    .replace(/^interpolate/, "")
    .toLowerCase();
  const dataFormat = readString(panel.dataFormat);
  const calculate = readBoolean(field(options, "calculate"));
  const buckets =
    hasHeatmapFormat(panel) || dataFormat === "tsbuckets" || calculate === false || base.targets.some((target) => /_bucket\b/.test(target.expr));
  return {
    ...base,
    type: "heatmap",
    options: { yAxis: buckets ? "buckets" : "series", colorScheme: HEATMAP_SCHEMES[scheme] ?? "oranges" },
  };
}

function convertText(panel: JsonObject, base: Base, notes: Notes): Panel {
  const options = readObject(panel.options);
  const content = readString(field(options, "content")) ?? readString(panel.content) ?? "";
  const mode = readString(field(options, "mode")) ?? readString(panel.mode) ?? "markdown";
  if (mode === "html") notes.add("HTML content is shown as sanitized markdown");
  if (mode === "code") notes.add("code content is shown as markdown");
  if (content.length > 50_000) notes.add("content is cut at 50,000 characters");
  return { ...base, type: "text", options: { content: clip(content, 50_000) } };
}

function isKind(type: string): type is (typeof PANEL_KINDS)[number] {
  return (PANEL_KINDS as readonly string[]).includes(type);
}

/** Converts one Grafana panel (not a row) with its id and gridPos already worked out by the layout. */
export function convertPanel(panel: JsonObject, context: DatasourceContext, id: string, gridPos: GridPos): ConvertedPanel {
  const notes = new Notes();
  const type = readString(panel.type) ?? "(no type)";
  const title = clip(readString(panel.title)?.trim() ?? "", 200);
  const description = readString(panel.description)?.trim();
  const { targets, foreign, foreignTypes } = convertTargets(panel, context, notes);
  const source = context.sources?.panel(panel, (datasource) => isPromql(datasourceType(datasource, context)));
  if (source?.note) notes.add(source.note);
  const base: Base = {
    id,
    title,
    ...(description ? { description: clip(description, 2_000) } : {}),
    gridPos,
    ...(source?.datasource ? { datasource: source.datasource } : {}),
    targets,
    fieldConfig: { defaults: {}, overrides: [] },
  };
  const library = readObject(panel.libraryPanel);
  if (library && !panel.type) {
    const name = readString(library.name) ?? readString(library.uid) ?? "";
    return unsupportedPanel(base, "library panel", `library panel "${name}" is not included in the export; export it with "Export for sharing externally"`);
  }
  if (foreign.length > 0 && targets.length === 0 && type !== "text") {
    return unsupportedPanel(base, type, `queries ${foreignTypes.join(", ") || "another"} data source${foreignTypes.length > 1 ? "s" : ""}, not Prometheus: ${foreign.join(" | ")}`);
  }
  if (!isKind(type)) {
    return unsupportedPanel(base, type, NO_EQUIVALENT[type] ?? `Vigil has no "${type}" panel`);
  }
  if (foreign.length > 0) notes.add(`queries for other data sources are dropped: ${foreign.join(" | ")}`);
  const repeat = readString(panel.repeat);
  if (repeat) notes.add(`repeated by $${repeat} in Grafana; shown once here`);
  if (readString(panel.timeFrom) || readString(panel.timeShift)) notes.add("the panel's own relative time or time shift is not supported");
  if (type !== "text") base.fieldConfig = convertFieldConfig(panel, notes);
  if (type !== "text" && type !== "table" && type !== "table-old" && readArray(panel.transformations).length > 0) {
    notes.add("transformations are not applied");
  }

  let converted: Panel;
  switch (type) {
    case "graph":
      converted = convertGraph(panel, base, notes);
      break;
    case "timeseries":
      converted = convertTimeseries(panel, base, notes);
      break;
    case "stat":
      converted = convertStat(panel, base, notes);
      break;
    case "singlestat":
      converted = convertSinglestat(panel, base, notes);
      break;
    case "gauge":
      converted = convertGauge(panel, base, notes);
      break;
    case "bargauge":
      converted = convertBarGauge(panel, base, notes);
      break;
    case "table":
    case "table-old":
      converted = convertTable(panel, base, notes);
      break;
    case "heatmap":
      converted = convertHeatmap(panel, base);
      break;
    case "text":
      converted = convertText(panel, { ...base, targets: [] }, notes);
      break;
  }
  if (type !== "text" && targets.length === 0) notes.add("it has no Prometheus query");
  // A last check against our schema, so one odd panel becomes an unsupported panel rather than failing the import.
  const checked = panelSchema.safeParse(converted);
  if (!checked.success) return unsupportedPanel(base, type, `could not be converted: ${z.prettifyError(checked.error).replace(/\n/g, " ")}`);
  return { panel: checked.data, report: { title, type, ...statusOf(notes) } };
}
