import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { main } from "./main";

/*
 * `vigil runbooks export|import` against a private database: importing the shipped runbooks/ and
 * exporting them gives the same files back, and a second import changes nothing.
 */

const SHIPPED = path.resolve(import.meta.dirname, "..", "runbooks");

let database: PrivateDatabase;
let work: string;
let stdout: string[];
let stderr: string[];

async function filesOf(directory: string): Promise<Record<string, string>> {
  const names = (await readdir(directory)).filter((name) => name.endsWith(".md")).sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(path.join(directory, name), "utf8")] as const)));
}

async function state(): Promise<unknown[]> {
  return database.query(`
    SELECT r.slug, r.version, r.title, r.body, r.tags, r.team, r.alert_names, r.label_matchers,
           (SELECT count(*)::int FROM runbook_revisions v WHERE v.runbook_id = r.id) AS revisions
    FROM runbooks r ORDER BY r.slug`);
}

async function auditCount(): Promise<number> {
  const rows = await database.query("SELECT count(*)::int AS count FROM audit_events WHERE target_type = 'runbook'");
  return z.array(z.object({ count: z.number() })).parse(rows)[0]?.count ?? -1;
}

beforeAll(async () => {
  database = await createPrivateDatabase("runbooks_cli");
  work = await mkdtemp(path.join(os.tmpdir(), "vigil-runbooks-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await database?.drop();
});

beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void stdout.push(parts.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(" ")));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("vigil runbooks", () => {
  it("imports the shipped runbooks, audited, and exports exactly the same files", async () => {
    const shipped = await filesOf(SHIPPED);
    expect(await main(["runbooks", "import", SHIPPED, "--database-url", database.url])).toBe(0);
    expect(stdout.join("\n")).toContain(`${Object.keys(shipped).length} created, 0 updated, 0 unchanged`);
    expect(await auditCount()).toBe(Object.keys(shipped).length);

    const out = path.join(work, "export-1");
    expect(await main(["runbooks", "export", out, "--database-url", database.url])).toBe(0);
    expect(await filesOf(out)).toEqual(shipped);
  });

  it("round trip: importing an export changes nothing, and exporting again gives the same files", async () => {
    const before = await state();
    const audits = await auditCount();
    const first = path.join(work, "export-1");
    expect(await main(["runbooks", "import", first, "--database-url", database.url])).toBe(0);
    expect(stdout.join("\n")).toMatch(/0 created, 0 updated, \d+ unchanged/);
    expect(await state()).toEqual(before);
    expect(await auditCount()).toBe(audits);

    const second = path.join(work, "export-2");
    expect(await main(["runbooks", "export", second, "--database-url", database.url])).toBe(0);
    expect(await filesOf(second)).toEqual(await filesOf(first));
  });

  it("saves a new version of a runbook whose file changed, and a dry run changes nothing", async () => {
    const directory = path.join(work, "edited");
    await main(["runbooks", "export", directory, "--database-url", database.url]);
    const file = path.join(directory, "gpu-xid-error.md");
    await writeFile(file, `${await readFile(file, "utf8")}\nEdited in git.\n`);

    const before = await state();
    expect(await main(["runbooks", "import", directory, "--dry-run", "--database-url", database.url])).toBe(0);
    expect(stdout.join("\n")).toContain("Would import");
    expect(await state()).toEqual(before);

    expect(await main(["runbooks", "import", directory, "--database-url", database.url])).toBe(0);
    expect(stdout.join("\n")).toContain("updated  gpu-xid-error");
    const [row] = z
      .array(z.object({ version: z.number(), body: z.string(), action: z.string(), actor_name: z.string() }))
      .parse(
        await database.query(`
          SELECT r.version, r.body, a.action, a.actor_name FROM runbooks r, audit_events a
          WHERE r.slug = 'gpu-xid-error' AND a.target_id = r.slug ORDER BY a.id DESC LIMIT 1`),
      );
    expect(row).toMatchObject({ version: 2, action: "runbook.import", actor_name: "vigil runbooks import" });
    expect(row?.body).toContain("Edited in git.");
  });

  it("refuses a bad file before touching the database, naming it", async () => {
    const directory = path.join(work, "bad");
    await main(["runbooks", "export", directory, "--database-url", database.url]);
    await writeFile(path.join(directory, "zz-broken.md"), "---\ntitle: Broken\nalerts: [not valid]\n---\nbody\n");
    const before = await state();
    expect(await main(["runbooks", "import", directory, "--database-url", database.url])).toBe(1);
    expect(stderr.join("\n")).toMatch(/^vigil runbooks: zz-broken\.md: alerts: /);
    expect(await state()).toEqual(before);
  });

  it("keeps the CLI's usage conventions", async () => {
    expect(await main(["runbooks", "--help"])).toBe(0);
    expect(stdout.join("\n")).toContain("Usage: vigil runbooks <export|import> DIR");
    expect(await main(["runbooks", "publish", "x", "--database-url", database.url])).toBe(2);
    expect(await main(["runbooks", "export", "--database-url", database.url])).toBe(2);
    expect(stderr.join("\n")).toContain("export needs a directory");
  });
});
