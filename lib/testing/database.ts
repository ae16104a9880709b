import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/migrations";

/**
 * A fresh, migrated database on the test Postgres (VIGIL_TEST_DATABASE_URL) for one integration
 * test file, made the app's DATABASE_URL before anything connects. Tests that count rows, or that
 * need to be the only admins, cannot share the seeded database other suites use.
 */
export interface PrivateDatabase {
  url: string;
  /** Runs SQL on the private database outside the app's connection pool. */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.VIGIL_TEST_DATABASE_URL;
  if (!url) throw new Error("VIGIL_TEST_DATABASE_URL is not set; the integration test setup provides it.");
  return url;
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createPrivateDatabase(label: string): Promise<PrivateDatabase> {
  const name = `vigil_it_${label}_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // pool.end() resolves before its connections have closed: DROP ... WITH (FORCE) may end one first.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return {
    url: url.toString(),
    async query<Row extends pg.QueryResultRow>(sql: string, values?: unknown[]) {
      return (await pool.query<Row>(sql, values)).rows;
    },
    async drop() {
      await pool.end();
      await closeAppPool();
      await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** Ends the app's own pool (lib/db.ts), so dropping the database does not cut live connections. */
async function closeAppPool(): Promise<void> {
  const holder: unknown = Reflect.get(globalThis, Symbol.for("vigil.db"));
  if (typeof holder === "object" && holder !== null && "prisma" in holder && "pool" in holder && holder.pool instanceof pg.Pool) {
    const { prisma } = holder;
    if (typeof prisma === "object" && prisma !== null && "$disconnect" in prisma && typeof prisma.$disconnect === "function") {
      await prisma.$disconnect();
    }
    await holder.pool.end();
    Reflect.deleteProperty(globalThis, Symbol.for("vigil.db"));
  }
}
