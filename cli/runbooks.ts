import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { exportRunbooks, importRunbooks, readRunbookDirectory } from "../lib/runbooks/files.ts";
import { parse, UsageError, type Command } from "./command.ts";

const usage = `Usage: vigil runbooks <export|import> DIR [--database-url URL] [--dry-run]

  export DIR   write every runbook to DIR/<slug>.md: YAML front matter (title, team, tags,
               alerts, matchers), then the markdown body
  import DIR   create the runbooks in DIR/*.md that do not exist and save a new version of
               those that changed; unchanged ones are not touched, so importing an export
               changes nothing. All files or none; runbooks without a file are kept.
  --dry-run    (import) say what would change, change nothing

The database comes from --database-url or DATABASE_URL. Every change is in the audit log,
by "vigil runbooks import".`;

async function withDatabase<T>(url: string, work: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

export const runbooksCommand: Command = {
  name: "runbooks",
  summary: "export or import runbooks as markdown files",
  usage,
  async run(args) {
    const { values, positionals } = parse(args, { "database-url": { type: "string" }, "dry-run": { type: "boolean" } }, true);
    const [action, directory, ...extra] = positionals;
    if (action !== "export" && action !== "import") throw new UsageError(action ? `unknown action "${action}"` : "missing action: export or import");
    if (!directory) throw new UsageError(`${action} needs a directory`);
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
    const url = values["database-url"] ?? process.env.DATABASE_URL;
    if (!url) throw new UsageError("set DATABASE_URL or pass --database-url");
    const target = path.resolve(directory);
    if (action === "export") {
      const { written } = await withDatabase(url, (prisma) => exportRunbooks(prisma, target));
      console.log(`Exported ${written.length} runbook${written.length === 1 ? "" : "s"} to ${target}.`);
      return 0;
    }
    // Every file is read and validated before the database is touched.
    const files = await readRunbookDirectory(target);
    const dryRun = values["dry-run"] ?? false;
    const summary = await withDatabase(url, (prisma) => importRunbooks(prisma, files, { actorName: "vigil runbooks import", dryRun }));
    const verb = dryRun ? "Would import" : "Imported";
    console.log(`${verb} ${files.length} file${files.length === 1 ? "" : "s"}: ${summary.created.length} created, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged.`);
    for (const slug of summary.created) console.log(`  created  ${slug}`);
    for (const slug of summary.updated) console.log(`  updated  ${slug}`);
    return 0;
  },
};
