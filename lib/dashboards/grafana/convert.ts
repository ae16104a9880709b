import { dashboardSchema, dashboardUidSchema, REFRESH_OPTIONS, type Dashboard, type LayoutItem, type Panel, type Row, type Variable } from "../schema";
import { ValidationError } from "@/lib/errors";
import { parseDashboardText, unwrapGrafanaDashboard, type JsonObject } from "./detect";
import { GrafanaImportError } from "./errors";
import { convertGridPos, convertPanel, type PanelReport } from "./panels";
import { clip, field, readArray, readBoolean, readNumber, readObject, readObjects, readString, readStrings } from "./read";
import { SourceMapper } from "./sources";
import type { DatasourceContext } from "./targets";
import { DEFAULT_SOURCE_NAME } from "@/lib/validations/prometheus";
import { chooseUid } from "./uid";
import { convertVariable, type VariableReport } from "./variables";

export { chooseUid, slugify } from "./uid";

/** The report `vigil dashboards import --json` prints: one entry per panel (rows' panels included, rows not) and per variable. */
export interface ImportReport {
  panels: PanelReport[];
  variables: VariableReport[];
}

export interface ConversionResult {
  dashboard: Dashboard;
  report: ImportReport;
  /** Dashboard-wide things that were not kept (annotations, links, a refresh we do not offer). */
  notes: string[];
  /** What the file said, for the page to show next to the choices. */
  source: { uid: string | null; title: string | null; schemaVersion: number | null };
}

export interface ConvertOptions {
  /** Store under this uid instead of Grafana's (or the slug of the title). */
  uid?: string;
  title?: string;
  /** Names of the configured Prometheus-API sources panels may be mapped to; the default source alone when absent. */
  sources?: readonly string[];
}

const PANEL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `__inputs` of an "Export for sharing externally" file: datasource placeholders (${DS_PROMETHEUS}) name
 * their plugin; constant inputs (${VAR_JOB}) are replaced by their value everywhere, as Grafana does on import.
 */
function applyInputs(dashboard: JsonObject): { dashboard: JsonObject; datasourceInputs: Map<string, string> } {
  const datasourceInputs = new Map<string, string>();
  const constants = new Map<string, string>();
  for (const input of readObjects(dashboard.__inputs)) {
    const name = readString(input.name);
    if (!name) continue;
    const type = readString(input.type);
    if (type === "datasource") datasourceInputs.set(name, readString(input.pluginId) ?? "prometheus");
    if (type === "constant") constants.set(name, readString(input.value) ?? "");
  }
  if (constants.size === 0) return { dashboard, datasourceInputs };
  const text = JSON.stringify(dashboard).replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = constants.get(name);
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
  return { dashboard: readObject(JSON.parse(text)) ?? dashboard, datasourceInputs };
}

function sortByPosition(panels: JsonObject[]): JsonObject[] {
  const position = (panel: JsonObject) => {
    const grid = readObject(panel.gridPos);
    return [readNumber(field(grid, "y")) ?? 0, readNumber(field(grid, "x")) ?? 0] as const;
  };
  return panels
    .map((panel, index) => ({ panel, index, at: position(panel) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index)
    .map((item) => item.panel);
}

class IdAllocator {
  private readonly used = new Set<string>();
  private next = 1;

  take(grafanaId: unknown): string {
    const wanted = readNumber(grafanaId) !== undefined ? String(readNumber(grafanaId)) : (readString(grafanaId) ?? "");
    if (PANEL_ID.test(wanted) && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    let id = `panel-${this.next}`;
    while (this.used.has(id)) id = `panel-${++this.next}`;
    this.used.add(id);
    return id;
  }
}

/**
 * Grafana keeps an expanded row's panels after it at the top level and a collapsed row's panels inside
 * it; ours always nest. Panels before the first row stay at the top level, with absolute positions.
 */
function convertLayout(panels: JsonObject[], context: DatasourceContext, notes: string[]): { items: LayoutItem[]; reports: PanelReport[] } {
  const items: LayoutItem[] = [];
  const reports: PanelReport[] = [];
  const ids = new IdAllocator();
  let row: Row | undefined;
  let rowY = 0;
  let bottom = 0;

  const add = (panel: JsonObject, target: Panel[] | LayoutItem[], offsetY: number) => {
    const gridPos = convertGridPos(panel.gridPos, offsetY, bottom);
    const converted = convertPanel(panel, context, ids.take(panel.id), gridPos);
    bottom = Math.max(bottom, gridPos.y + gridPos.h);
    target.push(converted.panel);
    reports.push(converted.report);
  };

  for (const panel of sortByPosition(panels)) {
    if (readString(panel.type) !== "row") {
      if (row) add(panel, row.panels, rowY + 1);
      else add(panel, items, 0);
      continue;
    }
    const title = clip(readString(panel.title)?.trim() ?? "", 200);
    row = { type: "row", id: ids.take(panel.id), title, collapsed: readBoolean(panel.collapsed) === true, panels: [] };
    items.push(row);
    rowY = readNumber(field(readObject(panel.gridPos), "y")) ?? 0;
    bottom = 0;
    if (readString(panel.repeat)) notes.push(`Row "${title}" is repeated by $${readString(panel.repeat)} in Grafana; it is shown once.`);
    for (const child of sortByPosition(readObjects(panel.panels))) {
      if (readString(child.type) === "row") continue;
      add(child, row.panels, rowY + 1);
    }
  }
  return { items, reports };
}

function convertRefresh(value: unknown, notes: string[]): Dashboard["refresh"] {
  const refresh = readString(value);
  if (!refresh) return "off";
  const known = REFRESH_OPTIONS.find((option) => option === refresh);
  if (known) return known;
  notes.push(`Auto-refresh "${refresh}" is not one Vigil offers; it is off.`);
  return "off";
}

function convertTags(value: unknown): string[] {
  const tags = readStrings(value)
    .map((tag) => clip(tag.trim(), 50))
    .filter((tag) => tag !== "");
  return [...new Set(tags)].slice(0, 20);
}

/** Converts a parsed Grafana dashboard (or its API wrapper) into ours, with the report of what was kept. */
export function convertGrafanaDashboard(input: unknown, options: ConvertOptions = {}): ConversionResult {
  const { dashboard: grafana, datasourceInputs } = applyInputs(unwrapGrafanaDashboard(input));
  const notes: string[] = [];
  const templating = readObjects(field(readObject(grafana.templating), "list"));
  const datasourceVariables = new Map<string, string>();
  for (const variable of templating) {
    const name = readString(variable.name);
    if (name && readString(variable.type) === "datasource") datasourceVariables.set(name, readString(variable.query) ?? "prometheus");
  }
  const sources = new SourceMapper(options.sources ?? [DEFAULT_SOURCE_NAME], new Set(datasourceVariables.keys()));
  const context: DatasourceContext = { inputs: datasourceInputs, variables: datasourceVariables, sources };

  const taken = new Set<string>();
  const variables: Variable[] = [];
  const variableReports: VariableReport[] = [];
  for (const entry of templating) {
    const converted = convertVariable(entry, context, taken);
    if (converted.variable) variables.push(converted.variable);
    variableReports.push(converted.report);
  }

  const { items, reports } = convertLayout(readObjects(grafana.panels), context, notes);
  notes.push(...sources.notes());

  const annotations = readObjects(field(readObject(grafana.annotations), "list")).filter((annotation) => readNumber(annotation.builtIn) !== 1);
  if (annotations.length > 0) notes.push(`${annotations.length} annotation quer${annotations.length === 1 ? "y is" : "ies are"} not imported.`);
  if (readArray(grafana.links).length > 0) notes.push("Dashboard links are not imported.");

  const grafanaUid = readString(grafana.uid);
  const grafanaTitle = readString(grafana.title)?.trim() || null;
  const title = clip(options.title?.trim() || grafanaTitle || "Imported dashboard", 200);
  const uid = options.uid ?? chooseUid(grafanaUid, title);
  const uidCheck = dashboardUidSchema.safeParse(uid);
  if (!uidCheck.success) {
    const message = `${uidCheck.error.issues[0]?.message ?? "is not valid"}`;
    throw new ValidationError(`uid: "${uid}" ${message}.`, [{ path: "uid", message }]);
  }
  const time = readObject(grafana.time);
  const from = readString(field(time, "from"));
  const to = readString(field(time, "to"));
  const description = readString(grafana.description)?.trim();

  const parsed = dashboardSchema.safeParse({
    uid,
    title,
    ...(description ? { description: clip(description, 2_000) } : {}),
    tags: convertTags(grafana.tags),
    time: from && to ? { from, to } : { from: "now-6h", to: "now" },
    refresh: convertRefresh(grafana.refresh, notes),
    variables,
    panels: items,
  });
  if (!parsed.success) {
    throw new GrafanaImportError(`The converted dashboard does not pass Vigil's schema (${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}); please report this with the file.`);
  }
  return {
    dashboard: parsed.data,
    report: { panels: reports, variables: variableReports },
    notes,
    source: { uid: grafanaUid ?? null, title: grafanaTitle, schemaVersion: readNumber(grafana.schemaVersion) ?? null },
  };
}

/** Parses a file's text (refusing what is not JSON, naming what it is) and converts it. */
export function convertGrafanaText(text: string, options: ConvertOptions = {}): ConversionResult {
  return convertGrafanaDashboard(parseDashboardText(text), options);
}
