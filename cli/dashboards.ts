import { readFile } from "node:fs/promises";
import { register } from "node:module";
import os from "node:os";
import { convertGrafanaText, type ConversionResult } from "../lib/dashboards/grafana/convert.ts";
import { parse, UsageError, type Command } from "./command.ts";

const usage = `Usage: vigil dashboards import <file.json> [--dry-run] [--json] [--uid UID] [--title TITLE] [--database-url URL]

  import FILE          convert a Grafana dashboard (JSON model, schemaVersion 16 and later, or the API's
                       {"dashboard": {...}} answer) and store it as a Vigil dashboard
  --dry-run            only convert and print the report; store nothing
  --json               print the report as JSON: {"panels": [{"title", "type", "status", "reason"}], "variables": [...]}
  --uid UID            store under this uid (default: Grafana's uid if valid, else the title as a slug)
  --title TITLE        store under this title

The database comes from --database-url or DATABASE_URL. Exit codes: 0 imported (or converted with --dry-run),
1 the file is not a Grafana dashboard or could not be stored, 2 wrong usage.`;

/**
 * The data layer starts with `import "server-only"`, which throws outside React Server Components. The CLI is a
 * server too, so it resolves that marker to an empty module, as Next's react-server condition does.
 */
let serverOnlyAllowed = false;
function allowServerOnly(): void {
  if (serverOnlyAllowed) return;
  serverOnlyAllowed = true;
  const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D%3B", shortCircuit: true };
  return next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

const MARK: Record<string, string> = { converted: "ok     ", partial: "partial", unsupported: "unsupp." };

function printReport(result: ConversionResult): void {
  const { report, dashboard, notes } = result;
  console.log(`${dashboard.title} (uid ${dashboard.uid}): ${report.panels.length} panels, ${report.variables.length} variables`);
  for (const panel of report.panels) {
    console.log(`  ${MARK[panel.status] ?? panel.status} ${panel.type.padEnd(11)} ${panel.title || "(untitled)"}${panel.reason ? ` — ${panel.reason}` : ""}`);
  }
  for (const variable of report.variables) {
    console.log(`  ${MARK[variable.status] ?? variable.status} $${variable.name} (${variable.type})${variable.reason ? ` — ${variable.reason}` : ""}`);
  }
  for (const note of notes) console.log(`  note: ${note}`);
  const count = (status: string) => report.panels.filter((panel) => panel.status === status).length;
  console.log(`Panels: ${count("converted")} converted, ${count("partial")} partial, ${count("unsupported")} unsupported.`);
}

async function store(result: ConversionResult, databaseUrl: string): Promise<void> {
  allowServerOnly();
  // lib/env.ts reads DATABASE_URL when the database is first used.
  process.env.DATABASE_URL = databaseUrl;
  const { createDashboard } = await import("../lib/data/dashboards.ts");
  const { closeDatabase } = await import("../lib/db.ts");
  const { ConflictError } = await import("../lib/errors.ts");
  try {
    await createDashboard({ type: "system", name: `vigil CLI (${os.userInfo().username}@${os.hostname()})` }, result.dashboard, null);
  } catch (error) {
    if (error instanceof ConflictError) throw new Error(`${error.message} Pass --uid to store it under another uid.`);
    throw error;
  } finally {
    await closeDatabase();
  }
}

export const dashboardsCommand: Command = {
  name: "dashboards",
  summary: "import a Grafana dashboard",
  usage,
  async run(args) {
    const { values, positionals } = parse(
      args,
      {
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        uid: { type: "string" },
        title: { type: "string" },
        "database-url": { type: "string" },
      },
      true,
    );
    const [action, file, ...extra] = positionals;
    if (action !== "import") throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    if (!file) throw new UsageError("import needs the dashboard's FILE");
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
    if (!values["dry-run"] && !databaseUrl) throw new UsageError("set DATABASE_URL or pass --database-url (or use --dry-run)");

    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Source names only (the console's env check validates the list); panels naming one of them keep it.
    const sources = ["default", ...(process.env.PROMETHEUS_SOURCES ?? "").split(",").map((pair) => pair.split("=")[0]?.trim() ?? "").filter(Boolean)];
    const result = convertGrafanaText(text, { uid: values.uid, title: values.title, sources });
    if (values.json) console.log(JSON.stringify(result.report, null, 2));
    else printReport(result);
    if (values["dry-run"] || !databaseUrl) return 0;
    await store(result, databaseUrl);
    const done = `Imported "${result.dashboard.title}" as /dashboards/${result.dashboard.uid}`;
    if (values.json) console.error(done);
    else console.log(done);
    return 0;
  },
};
