import { z } from "zod";
import { GrafanaImportError } from "./errors";

export type JsonObject = Record<string, unknown>;

const objectSchema = z.record(z.string(), z.unknown());

function asObject(value: unknown): JsonObject | undefined {
  const parsed = objectSchema.safeParse(value);
  return parsed.success && !Array.isArray(value) ? parsed.data : undefined;
}

/** Kibana exports saved objects as NDJSON: one JSON object per line, each with a type and attributes. */
function looksLikeKibanaNdjson(text: string): boolean {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length < 1) return false;
  const first = lines[0] ?? "";
  try {
    const object = asObject(JSON.parse(first));
    return object !== undefined && "attributes" in object && "type" in object;
  } catch {
    return false;
  }
}

/** Parses the text of a file; a syntax error is refused with where it is, NDJSON from Kibana is named. */
export function parseDashboardText(text: string): unknown {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed === "") throw new GrafanaImportError("The file is empty.");
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    if (looksLikeKibanaNdjson(trimmed)) {
      throw new GrafanaImportError("This is a Kibana saved-objects export (NDJSON), not a Grafana dashboard.");
    }
    if (/^\s*(apiVersion|kind|groups|[a-z_]+):/m.test(trimmed) && !trimmed.startsWith("{")) {
      throw new GrafanaImportError("This looks like YAML, not JSON.");
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new GrafanaImportError(`The file is not valid JSON (${reason}).`);
  }
}

function describeKeys(object: JsonObject): string {
  const keys = Object.keys(object).slice(0, 8);
  return keys.length ? `its top-level keys are ${keys.map((key) => `"${key}"`).join(", ")}` : "it is an empty object";
}

/**
 * Finds the classic Grafana dashboard model in what was uploaded: the dashboard itself, the API's
 * `{"dashboard": {...}}` wrapper, or a Kubernetes-style v0/v1 resource whose spec is the classic model.
 * Anything else is refused with what it looks like.
 */
export function unwrapGrafanaDashboard(input: unknown): JsonObject {
  if (Array.isArray(input)) {
    throw new GrafanaImportError(
      `This is a JSON array of ${input.length} item${input.length === 1 ? "" : "s"}, not one dashboard: import dashboards one file at a time.`,
    );
  }
  const object = asObject(input);
  if (!object) throw new GrafanaImportError(`This is a JSON ${input === null ? "null" : typeof input}, not a dashboard object.`);

  const wrapped = asObject(object.dashboard);
  if (wrapped && !("panels" in object)) return unwrapGrafanaDashboard(wrapped);

  const spec = asObject(object.spec);
  const kind = typeof object.kind === "string" ? object.kind : undefined;
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  if (spec && ("elements" in spec || "layout" in spec)) {
    throw new GrafanaImportError(
      `This is a Grafana 12 dashboard in the v2 schema${apiVersion ? ` (${apiVersion})` : ""}, with "elements" and "layout". ` +
        "In Grafana, export it with the classic JSON model (Export → Export as JSON, model: classic) and import that file.",
    );
  }
  if ("elements" in object && "layout" in object) {
    throw new GrafanaImportError(
      'This is a Grafana 12 dashboard in the v2 schema ("elements" and "layout"). In Grafana, export it with the classic JSON model and import that file.',
    );
  }
  if (spec && apiVersion.startsWith("dashboard.grafana.app/") && ("panels" in spec || "title" in spec)) {
    return unwrapGrafanaDashboard(spec);
  }
  if (kind === "Dashboard" && spec && ("layouts" in spec || "panels" in spec) && asObject(object.metadata)) {
    throw new GrafanaImportError(`This is a Perses dashboard${apiVersion ? "" : ` ("kind": "Dashboard" with metadata and spec)`}, not a Grafana one.`);
  }
  if (kind === "PersesDashboard" || apiVersion.startsWith("perses.dev/")) {
    throw new GrafanaImportError("This is a Perses dashboard resource, not a Grafana dashboard.");
  }
  if (Array.isArray(object.objects) || (typeof object.type === "string" && asObject(object.attributes))) {
    throw new GrafanaImportError("This is a Kibana saved-objects export, not a Grafana dashboard.");
  }
  if (Array.isArray(object.widgets) && ("layout_type" in object || "template_variables" in object)) {
    throw new GrafanaImportError("This is a Datadog dashboard export, not a Grafana dashboard.");
  }
  if (Array.isArray(object.groups) && !("panels" in object)) {
    throw new GrafanaImportError("This looks like a Prometheus rules file (it has \"groups\"), not a dashboard.");
  }
  if (Array.isArray(object.rows) && !Array.isArray(object.panels)) {
    const version = typeof object.schemaVersion === "number" ? ` (schemaVersion ${object.schemaVersion})` : "";
    throw new GrafanaImportError(
      `This is a dashboard from Grafana 4 or older${version}, laid out in "rows". Open it in Grafana 5 or later and export it again, which upgrades it to panels.`,
    );
  }
  if (!Array.isArray(object.panels)) {
    throw new GrafanaImportError(`This JSON object is not a Grafana dashboard: it has no "panels" list (${describeKeys(object)}).`);
  }
  if (typeof object.schemaVersion === "number" && object.schemaVersion < 16) {
    throw new GrafanaImportError(
      `This dashboard has schemaVersion ${object.schemaVersion}; open it in Grafana 5 or later and export it again.`,
    );
  }
  return object;
}
