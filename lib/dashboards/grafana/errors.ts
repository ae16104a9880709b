import { ValidationError } from "@/lib/errors";

/** What the importer accepts, named in every refusal so the reader knows what to export instead. */
export const SUPPORTED_INPUT =
  "Vigil imports Grafana dashboard JSON (the classic model, schemaVersion 16 and later): a file from Share → Export → Save to file, " +
  'or the API\'s answer to GET /api/dashboards/uid/<uid> ({"dashboard": {...}}).';

/** The input is not a Grafana dashboard Vigil can import; the message says what it is instead. */
export class GrafanaImportError extends ValidationError {
  constructor(what: string) {
    const message = `${what} ${SUPPORTED_INPUT}`;
    super(message, [{ path: "dashboard", message }]);
    this.name = "GrafanaImportError";
  }
}
