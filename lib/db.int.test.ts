import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/migrations";
import { startPostgres, type PostgresHandle } from "@/stack/postgres";
import { db, postgresOutage } from "./db";

/*
 * A private Postgres stopped under a stream of queries: every error the app sees while it goes
 * away must be recognised as an outage (so routes answer 503 naming Postgres, pages show the
 * outage page), and the same client must work again once it is back, without a restart.
 */

let dir: string;
let handle: PostgresHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "vigil-db-outage-"));
  handle = await startPostgres({ dataDir: dir });
  await applyMigrations(handle.url);
  process.env.DATABASE_URL = handle.url;
}, 60_000);

afterAll(async () => {
  await db().$disconnect();
  await handle?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a Postgres outage", () => {
  it("is recognised in every error it causes, and the client recovers when Postgres is back", async () => {
    const unrecognised: string[] = [];
    const outages = new Set<string>();
    let running = true;
    const load = (async () => {
      while (running) {
        try {
          await db().$transaction(async (tx) => {
            await tx.user.count();
            await tx.auditEvent.count();
          });
        } catch (error) {
          const outage = postgresOutage(error);
          if (outage) outages.add(outage.message);
          else unrecognised.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await handle.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    running = false;
    await load;

    expect(unrecognised).toEqual([]);
    for (const message of outages) expect(message).toMatch(/^Postgres at 127\.0\.0\.1:\d+ /);
    expect(outages.size).toBeGreaterThan(0);

    handle = await startPostgres({ dataDir: dir, port: handle.port });
    // The pool reconnects by itself: the same client answers again.
    await expect(db().user.count()).resolves.toBe(0);
  }, 60_000);
});

describe("a busy pool", () => {
  it("answers a request that waited longer than DATABASE_TIMEOUT_MS for a connection as a Postgres timeout, not an internal error", async () => {
    // Every pooled connection (pg's default: 10) held past the 5 s timeout; the next query waits for one in vain.
    // (A Prisma query starts when something awaits it: `then` starts each one now.)
    const holders = Array.from({ length: 10 }, () => db().$queryRaw`select pg_sleep(6)::text`.then(() => undefined));
    const waiting = await db()
      .$queryRaw`select 1`.then(() => undefined)
      .catch((error: unknown) => error);
    await Promise.all(holders);
    const outage = postgresOutage(waiting);
    expect(outage?.kind).toBe("timeout");
    expect(outage?.message).toMatch(/^Postgres at 127\.0\.0\.1:\d+ did not answer in 5 s/);
  }, 30_000);
});
