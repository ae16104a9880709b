import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { applyMigrations, diffSchema, migrationStatus, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/migrations";
import { DEMO_USERS, SHIPPED_RUNBOOKS_DIR, seedDatabase } from "./seed";

const serverUrl = process.env.VIGIL_TEST_DATABASE_URL;
const suffix = randomBytes(4).toString("hex");
const migratedName = `vigil_it_migrated_${suffix}`;
const diffedName = `vigil_it_diffed_${suffix}`;
const localMigrations = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort((a, b) => a.localeCompare(b));

function urlFor(database: string): string {
  if (!serverUrl) throw new Error("VIGIL_TEST_DATABASE_URL is not set; the integration test setup provides it.");
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The database the URL names; any database serves to run CREATE DATABASE from. */
function serverDatabase(): string {
  if (!serverUrl) throw new Error("VIGIL_TEST_DATABASE_URL is not set; the integration test setup provides it.");
  return decodeURIComponent(new URL(serverUrl).pathname.slice(1)) || "postgres";
}

/**
 * Everything about a database's structure that schema.prisma decides, as sorted text lines:
 * enums, tables, columns, indexes, constraints and sequences. Triggers and functions are left
 * out on purpose: Prisma cannot express them, so they live only in hand-written migrations.
 */
async function describeSchema(database: string): Promise<Record<string, string[]>> {
  return withClient(database, async (client) => {
    const lines = async (sql: string) =>
      z
        .array(z.object({ line: z.string() }))
        .parse((await client.query(sql)).rows)
        .map((row) => row.line)
        .sort();
    return {
      enums: await lines(`
        SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`),
      tables: await lines(`
        SELECT table_name AS line FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      columns: await lines(`
        SELECT concat_ws(' | ', table_name, column_name, udt_name, is_nullable, column_default,
                         character_maximum_length, datetime_precision) AS line
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`),
      indexes: await lines(`
        SELECT indexdef AS line FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`),
      constraints: await lines(`
        SELECT c.conrelid::regclass || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text <> '_prisma_migrations'`),
      sequences: await lines(`
        SELECT sequence_name || ' ' || data_type AS line FROM information_schema.sequences
        WHERE sequence_schema = 'public'`),
    };
  });
}

async function rowCounts(database: string): Promise<Record<string, number>> {
  return withClient(database, async (client) => {
    const counts: Record<string, number> = {};
    for (const table of ["users", "runbooks", "runbook_revisions", "acknowledgements", "acknowledgement_events", "audit_events"]) {
      const result = await client.query(`SELECT count(*)::int AS count FROM "${table}"`);
      counts[table] = z.object({ count: z.number() }).parse(result.rows[0]).count;
    }
    return counts;
  });
}

describe("prisma/migrations", () => {
  beforeAll(async () => {
    const admin = serverDatabase();
    await withClient(admin, async (client) => {
      await client.query(`CREATE DATABASE "${migratedName}"`);
      await client.query(`CREATE DATABASE "${diffedName}"`);
    });
  });

  afterAll(async () => {
    if (!serverUrl) return;
    await withClient(serverDatabase(), async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${migratedName}" WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS "${diffedName}" WITH (FORCE)`);
    });
  });

  it("applies every migration once, recording each in _prisma_migrations", async () => {
    const url = urlFor(migratedName);
    expect(await migrationStatus(url)).toEqual({ applied: [], pending: localMigrations, failed: [], edited: [] });

    expect(await applyMigrations(url)).toEqual({ applied: localMigrations });
    expect(await migrationStatus(url)).toEqual({ applied: localMigrations, pending: [], failed: [], edited: [] });

    expect(await applyMigrations(url)).toEqual({ applied: [] });
  });

  it("builds the same tables as schema.prisma says", async () => {
    const sql = await diffSchema({ from: "empty", to: SCHEMA_PATH });
    await withClient(diffedName, (client) => client.query(sql));

    const fromMigrations = await describeSchema(migratedName);
    const fromSchema = await describeSchema(diffedName);
    // One table per model: a schema with a model the migrations forgot fails here and below.
    const models = readFileSync(SCHEMA_PATH, "utf8").match(/^model \w+/gm) ?? [];
    expect(fromMigrations.tables).toHaveLength(models.length);
    expect(fromMigrations).toEqual(fromSchema);
  });

  it("refuses to change or remove audit rows", async () => {
    await withClient(migratedName, async (client) => {
      await client.query(
        `INSERT INTO audit_events (actor_type, actor_name, action, target_type, target_id, after)
         VALUES ('system', 'integration test', 'runbook.create', 'runbook', 'r1', '{"title":"x"}')`,
      );
      await expect(client.query(`UPDATE audit_events SET action = 'runbook.delete'`)).rejects.toMatchObject({
        code: "23001",
        message: expect.stringContaining("append-only"),
      });
      await expect(client.query(`DELETE FROM audit_events`)).rejects.toMatchObject({ code: "23001" });
      await expect(client.query(`TRUNCATE audit_events`)).rejects.toMatchObject({ code: "23001" });
      const { rows } = await client.query(`SELECT action FROM audit_events`);
      expect(rows).toEqual([{ action: "runbook.create" }]);
    });
  });

  it("seeds idempotently", async () => {
    const url = urlFor(migratedName);
    await seedDatabase(url);
    const first = await rowCounts(migratedName);
    // Two demo runbooks with history (three revisions), plus one per file in runbooks/ not among them.
    const shipped = readdirSync(SHIPPED_RUNBOOKS_DIR).filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3));
    const extra = shipped.filter((slug) => slug !== "trm-high-fallback-rate" && slug !== "inferno-queue-backlog").length;
    expect(first).toMatchObject({ users: DEMO_USERS.length, runbooks: 2 + extra, runbook_revisions: 3 + extra });

    await seedDatabase(url);
    expect(await rowCounts(migratedName)).toEqual(first);

    const runbooks = await withClient(migratedName, async (client) =>
      z.array(z.object({ slug: z.string(), version: z.number(), revisions: z.number(), newest: z.number() })).parse(
        (
          await client.query(`
            SELECT r.slug, r.version, count(v.id)::int AS revisions, max(v.version) AS newest
            FROM runbooks r JOIN runbook_revisions v ON v.runbook_id = r.id
            GROUP BY r.slug, r.version ORDER BY r.slug`)
        ).rows,
      ),
    );
    // Each runbook has one revision per version, the newest matching the runbook itself.
    expect(runbooks).toHaveLength(2 + extra);
    for (const runbook of runbooks) {
      expect(runbook.revisions).toBe(runbook.version);
      expect(runbook.newest).toBe(runbook.version);
    }
  });
});
