/**
 * What every HTTP benchmark needs: a console with its Prometheus (the caller's, from
 * BENCH_CONSOLE_URL / BENCH_PROMETHEUS_URL / BENCH_DATABASE_URL, or a fresh test-profile stack)
 * and credentials: an API token of a new user, inserted straight into Postgres, so the bench
 * measures the authenticated path every real request takes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { newSecret, sha256 } from "../lib/auth/secrets.ts";
import type { Role } from "../lib/auth/roles.ts";
import { startStack, type Stack } from "../stack/stack.ts";

export interface BenchStack {
  consoleUrl: string;
  prometheusUrl: string;
  databaseUrl: string;
  alertmanagerUrls: string[];
  exporterUrl: string | undefined;
  /** Authorization header for the console's API. */
  headers: Record<string, string>;
  /** The console's process id when this bench started it (for memory readings). */
  consolePid: number | undefined;
  /** The console's log file when this bench started it (read before stop(), which deletes it). */
  consoleLog: string | undefined;
  stack: Stack | undefined;
  stop(): Promise<void>;
}

async function createToken(databaseUrl: string, role: Role): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@bench.invalid`;
    const user = await client.query<{ id: string }>(`insert into users (email, name, role) values ($1, $2, $3) returning id`, [email, "bench", role]);
    const secret = newSecret("vgl_");
    await client.query(
      `insert into api_tokens (name, token_hash, prefix, role, created_by_id, expires_at) values ($1, $2, $3, $4, $5, now() + interval '1 day')`,
      ["bench", sha256(secret), secret.slice(0, 12), role, user.rows[0]?.id],
    );
    return secret;
  } finally {
    await client.end();
  }
}

export async function benchStack({ role = "viewer", warmupMs = 15_000 }: { role?: Role; warmupMs?: number } = {}): Promise<BenchStack> {
  const given = { console: process.env.BENCH_CONSOLE_URL, prometheus: process.env.BENCH_PROMETHEUS_URL, database: process.env.BENCH_DATABASE_URL };
  if (given.console && given.prometheus && given.database) {
    const token = await createToken(given.database, role);
    return {
      consoleUrl: given.console,
      prometheusUrl: given.prometheus,
      databaseUrl: given.database,
      alertmanagerUrls: (process.env.BENCH_ALERTMANAGER_URLS ?? "").split(",").filter(Boolean),
      exporterUrl: process.env.BENCH_EXPORTER_URL,
      headers: { authorization: `Bearer ${token}` },
      consolePid: undefined,
      consoleLog: undefined,
      stack: undefined,
      stop: async () => undefined,
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
  console.log("Starting a stack (console production build)...");
  const stack = await startStack({ root: path.resolve(import.meta.dirname, ".."), dataDir, profile: "test", withConsole: true, victoriaMetrics: false, log: () => undefined });
  // Let Prometheus gather some scrapes so rate() windows have data.
  await new Promise((resolve) => setTimeout(resolve, warmupMs));
  const token = await createToken(stack.urls.database, role);
  return {
    consoleUrl: stack.urls.console ?? "",
    prometheusUrl: stack.urls.prometheus,
    databaseUrl: stack.urls.database,
    alertmanagerUrls: stack.urls.alertmanagers,
    exporterUrl: stack.urls.exporter,
    headers: { authorization: `Bearer ${token}` },
    consolePid: stack.services.get("console")?.pid,
    consoleLog: path.join(dataDir, "console.log"),
    stack,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
