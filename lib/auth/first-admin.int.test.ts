import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { applyMigrations } from "@/lib/migrations";

// Setup only works while no account exists, so this file gets a database of its own: created
// here, migrated, and dropped afterwards. Settings are read once, on first use, so DATABASE_URL
// points at it before anything reads them.
const serverUrl = process.env.VIGIL_TEST_DATABASE_URL;
if (!serverUrl) throw new Error("VIGIL_TEST_DATABASE_URL is not set: the integration project's global setup provides it");
const databaseName = `vigil_it_setup_${randomBytes(4).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
process.env.DATABASE_URL = databaseUrl;
delete process.env.VIGIL_ADMIN_EMAIL;
delete process.env.VIGIL_ADMIN_PASSWORD;

const { db } = await import("@/lib/db");
const { createFirstAdmin, needsSetup } = await import("./sign-in");

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE "${databaseName}"`);
  await applyMigrations(databaseUrl);
});

afterAll(async () => {
  // FORCE ends the console pool's connections to it.
  await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe("first-admin setup against Postgres", () => {
  it("runs against its own empty database", async () => {
    const rows = z.array(z.object({ name: z.string() })).parse(await db().$queryRaw`select current_database() as name`);
    expect(rows).toEqual([{ name: databaseName }]);
    expect(await needsSetup()).toBe(true);
  });

  it("creates exactly one admin when two setups race, and refuses the other", async () => {
    const results = await Promise.all([
      createFirstAdmin({ email: "first@setup.vigil.test", name: "First", password: "first admin password" }, "203.0.113.1"),
      createFirstAdmin({ email: "second@setup.vigil.test", name: "Second", password: "second admin password" }, "203.0.113.2"),
    ]);
    const created = results.filter((result) => "id" in result);
    const refused = results.filter((result) => "error" in result);
    expect(created).toHaveLength(1);
    expect(refused).toEqual([{ error: "Setup is already done: an account exists. Sign in instead." }]);

    const users = await db().user.findMany({ select: { email: true, role: true } });
    expect(users).toHaveLength(1);
    expect(users[0]?.role).toBe("admin");
    expect(await needsSetup()).toBe(false);
    const audit = await db().auditEvent.findMany({ where: { action: "user.create" }, select: { actorType: true, actorName: true } });
    expect(audit).toEqual([{ actorType: "system", actorName: "setup page" }]);
  });

  it("refuses a later setup too", async () => {
    expect(await createFirstAdmin({ email: "late@setup.vigil.test", name: "Late", password: "late admin password" }, null)).toEqual({
      error: "Setup is already done: an account exists. Sign in instead.",
    });
    expect(await db().user.count()).toBe(1);
  });
});
