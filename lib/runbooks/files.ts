import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileNameFor, formatRunbookFile, parseRunbookFile, type RunbookFile } from "./front-matter.ts";
import { contentOf, createRunbookIn, RUNBOOK_FIELDS, sameContent, systemAudit, updateRunbookIn, type RunbookWriter } from "./store.ts";

/*
 * Runbooks to and from a directory of markdown files (`vigil runbooks export|import`, the seed).
 * Relative imports only: the CLI loads this without the bundler.
 */

/** A Prisma client that can open a transaction over the runbook tables. */
export interface RunbookDatabase {
  runbook: RunbookWriter["runbook"];
  $transaction<T>(work: (tx: RunbookWriter) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T>;
}

/** Reads and validates every `*.md` in a directory (sorted by name); any bad file stops it, naming the file. */
export async function readRunbookDirectory(directory: string): Promise<RunbookFile[]> {
  const names = (await readdir(directory, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith(".md") && entry.name.toLowerCase() !== "readme.md")
    .map((entry) => entry.name)
    .sort();
  const files: RunbookFile[] = [];
  for (const name of names) files.push(parseRunbookFile(name, await readFile(path.join(directory, name), "utf8")));
  return files;
}

export interface ExportSummary {
  written: string[];
}

/** Writes every runbook's current version to `<directory>/<slug>.md`. */
export async function exportRunbooks(database: Pick<RunbookDatabase, "runbook">, directory: string): Promise<ExportSummary> {
  await mkdir(directory, { recursive: true });
  const runbooks = await database.runbook.findMany({ select: RUNBOOK_FIELDS, orderBy: { slug: "asc" } });
  const written: string[] = [];
  for (const runbook of runbooks) {
    const file = path.join(directory, fileNameFor(runbook.slug));
    await writeFile(file, formatRunbookFile(contentOf(runbook)));
    written.push(file);
  }
  return { written };
}

export interface ImportOptions {
  /** Who the audit log names (a system actor). */
  actorName: string;
  /** Create missing runbooks only; leave existing ones as they are (the seed: people may have edited them). */
  onlyMissing?: boolean;
  dryRun?: boolean;
}

export interface ImportSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/**
 * Creates the runbooks that do not exist and saves a new version of those whose file differs;
 * identical ones are not touched, so importing what was exported changes nothing. One transaction:
 * all files or none. Runbooks without a file are left alone.
 */
export async function importRunbooks(database: RunbookDatabase, files: readonly RunbookFile[], options: ImportOptions): Promise<ImportSummary> {
  const audit = systemAudit(options.actorName);
  const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
  const work = async (tx: RunbookWriter) => {
    for (const file of files) {
      const existing = await tx.runbook.findUnique({ where: { slug: file.slug }, select: RUNBOOK_FIELDS });
      if (!existing) {
        if (!options.dryRun) await createRunbookIn(tx, file.slug, file.content, null, audit, "runbook.import");
        summary.created.push(file.slug);
      } else if (options.onlyMissing || sameContent(existing, file.content)) {
        summary.unchanged.push(file.slug);
      } else {
        if (!options.dryRun) await updateRunbookIn(tx, file.slug, existing.version, file.content, null, audit, "runbook.import");
        summary.updated.push(file.slug);
      }
    }
  };
  // Generous: one transaction for every file, on a busy database.
  await database.$transaction(work, { timeout: Math.max(120_000, files.length * 2_000), maxWait: 30_000 });
  return summary;
}
