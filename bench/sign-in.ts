/**
 * What identity costs:
 * (a) argon2id with ARGON2_OPTIONS (lib/auth/password.ts): hash and verify, 30 runs each, median
 *     and p95 against the 100-250 ms goal, a few other memory/time costs for comparison, and how
 *     many hashes the machine does per second when sign-ins arrive together.
 * (b) authorization per request: authenticate() plus the role check in-process against the real
 *     Postgres (session, API token, no credential), and over HTTP through the production console:
 *     GET /api/auth/me with a session cookie and with a token, the same route anonymously (401:
 *     everything but the credential lookup), and the public GET /metrics and /api/health.
 * Starts its own stack unless BENCH_CONSOLE_URL and BENCH_DATABASE_URL are set. Prints figures
 * and asserts nothing.
 *
 * lib/auth imports "server-only", which only resolves under the react-server condition:
 *   node --conditions=react-server --import tsx bench/sign-in.ts [requests=2000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash, verify } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "../lib/auth/password.ts";
import { startStack } from "../stack/stack.ts";
import { mean, printTable, quantile } from "./stats.ts";

const GOAL_MS = { low: 100, high: 250 };
const ARGON2_RUNS = 30;
const PASSWORD = "correct horse battery staple";

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function sample(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) samples.push(await timed(work));
  return samples;
}

const ms = (value: number) => value.toFixed(1);

async function argon2Figures(): Promise<void> {
  const { memoryCost, timeCost, parallelism } = ARGON2_OPTIONS;
  console.log(`\n(a) argon2id, ARGON2_OPTIONS m=${memoryCost} KiB (${memoryCost / 1024} MiB), t=${timeCost}, p=${parallelism}; ${ARGON2_RUNS} runs each, one at a time (ms)\n`);
  await hash(PASSWORD, ARGON2_OPTIONS); // warm-up: first use loads the native module
  const hashes = await sample(ARGON2_RUNS, () => hash(PASSWORD, ARGON2_OPTIONS));
  const stored = await hash(PASSWORD, ARGON2_OPTIONS);
  const verifies = await sample(ARGON2_RUNS, () => verify(stored, PASSWORD));
  const row = (name: string, samples: number[]) => [name, ms(quantile(samples, 0.5)), ms(quantile(samples, 0.95)), ms(Math.min(...samples)), ms(Math.max(...samples))];
  printTable(["", "median", "p95", "min", "max"], [row("hash", hashes), row("verify", verifies)]);
  const median = quantile(verifies, 0.5);
  const within = median >= GOAL_MS.low && median <= GOAL_MS.high;
  console.log(
    `verify median ${ms(median)} ms: ${within ? "within" : "OUTSIDE"} the ${GOAL_MS.low}-${GOAL_MS.high} ms goal on this ${os.cpus().length}-core machine (${os.cpus()[0]?.model.trim() ?? "unknown CPU"})`,
  );

  // Sign-ins arriving together share the cores (the hashing runs on libuv's thread pool).
  for (const concurrent of [2, 4]) {
    const wall = await timed(() => Promise.all(Array.from({ length: concurrent * 4 }, () => verify(stored, PASSWORD))));
    console.log(`${concurrent * 4} verifies started together: ${ms(wall)} ms wall, ${((concurrent * 4 * 1000) / wall).toFixed(1)} verifies/s`);
  }

  console.log(`\nOther costs, 10 hashes each (median ms); the goal is ${GOAL_MS.low}-${GOAL_MS.high} ms:\n`);
  // OWASP's smallest recommended cost, then more passes over 64 MiB (memory per sign-in stays
  // put), then more memory.
  const grid = [
    { memoryCost: 47_104, timeCost: 1 },
    { memoryCost: 65_536, timeCost: 3 },
    { memoryCost: 65_536, timeCost: 4 },
    { memoryCost: 65_536, timeCost: 5 },
    { memoryCost: 65_536, timeCost: 6 },
    { memoryCost: 98_304, timeCost: 4 },
    { memoryCost: 131_072, timeCost: 2 },
  ];
  const rows: string[][] = [];
  for (const cost of grid) {
    const options = { ...ARGON2_OPTIONS, ...cost };
    const median = quantile(await sample(10, () => hash(PASSWORD, options)), 0.5);
    const inGoal = median >= GOAL_MS.low && median <= GOAL_MS.high;
    const current = cost.memoryCost === memoryCost && cost.timeCost === timeCost;
    rows.push([`m=${cost.memoryCost} (${(cost.memoryCost / 1024).toFixed(0)} MiB), t=${cost.timeCost}`, ms(median), `${inGoal ? "in goal" : ""}${current ? " (current)" : ""}`]);
  }
  printTable(["cost", "median", ""], rows);
}

interface Variant {
  name: string;
  path: string;
  headers: Record<string, string>;
  /** The status every request must get, so a misconfiguration cannot pass as a fast answer. */
  status: number[];
}

async function timeRequest(base: string, variant: Variant): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${variant.path}`, { headers: variant.headers });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!variant.status.includes(response.status)) {
    throw new Error(`${variant.name}: ${variant.path} answered ${response.status}, expected ${variant.status.join(" or ")}: ${body.slice(0, 200)}`);
  }
  return elapsed;
}

async function authorizationFigures(consoleUrl: string, databaseUrl: string, requests: number): Promise<void> {
  // Settings are read once, on first use: point them at the stack's database first.
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import("../lib/db.ts");
  const { authenticate } = await import("../lib/auth/authenticate.ts");
  const { roleAtLeast } = await import("../lib/auth/roles.ts");
  const { createSession } = await import("../lib/auth/sessions.ts");
  const { newSecret, sha256 } = await import("../lib/auth/secrets.ts");
  const { TOKEN_PREFIX } = await import("../lib/auth/api-tokens.ts");

  const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@vigil.local" }, select: { id: true } });
  const session = await createSession(viewer.id, { userAgent: "bench/sign-in.ts" });
  const tokenSecret = newSecret(TOKEN_PREFIX);
  const token = await db().apiToken.create({
    data: { name: "bench/sign-in.ts", tokenHash: sha256(tokenSecret), prefix: tokenSecret.slice(0, 12), role: "viewer", createdById: viewer.id, expiresAt: new Date(Date.now() + 3_600_000) },
    select: { id: true },
  });

  try {
    const checks = [
      { name: "session", credentials: { sessionToken: session.token } },
      { name: "API token", credentials: { authorization: `Bearer ${tokenSecret}` } },
      { name: "no credential", credentials: {} },
    ];
    const inProcess: string[][] = [];
    for (const check of checks) {
      const once = async () => {
        const actor = await authenticate(check.credentials);
        if (check.name !== "no credential" && !(actor && roleAtLeast(actor.role, "viewer"))) throw new Error(`${check.name} did not authenticate`);
      };
      await sample(200, once);
      const samples = await sample(requests, once);
      inProcess.push([check.name, ms(quantile(samples, 0.5) * 1000), ms(quantile(samples, 0.9) * 1000), ms(quantile(samples, 0.99) * 1000), ms(mean(samples) * 1000)]);
    }
    console.log(`\n(b) authorization, in process: authenticate() + role check against Postgres, ${requests} calls each (microseconds)\n`);
    printTable(["credential", "p50", "p90", "p99", "mean"], inProcess);

    const variants: Variant[] = [
      { name: "GET /metrics (public, no auth)", path: "/metrics", headers: {}, status: [200] },
      { name: "GET /api/health (public, anonymous)", path: "/api/health", headers: {}, status: [200, 503] },
      { name: "GET /api/auth/me anonymous (401)", path: "/api/auth/me", headers: {}, status: [401] },
      { name: "GET /api/auth/me with session", path: "/api/auth/me", headers: { cookie: `vigil_session=${session.token}` }, status: [200] },
      { name: "GET /api/auth/me with API token", path: "/api/auth/me", headers: { authorization: `Bearer ${tokenSecret}` }, status: [200] },
    ];
    const samples = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
    for (let index = 0; index < 100; index += 1) for (const variant of variants) await timeRequest(consoleUrl, variant);
    for (let index = 0; index < requests; index += 1) {
      // Rotate which goes first so none always gets the warmest connection.
      for (let offset = 0; offset < variants.length; offset += 1) {
        const variant = variants[(index + offset) % variants.length];
        if (variant) samples.get(variant.name)?.push(await timeRequest(consoleUrl, variant));
      }
    }
    console.log(`\n(b) authorization over HTTP through the production console, ${requests} requests each, interleaved, one at a time (ms)\n`);
    printTable(
      ["request", "p50", "p90", "p99", "mean"],
      variants.map((variant) => {
        const values = samples.get(variant.name) ?? [];
        return [variant.name, ms2(quantile(values, 0.5)), ms2(quantile(values, 0.9)), ms2(quantile(values, 0.99)), ms2(mean(values))];
      }),
    );
    const p50 = (name: string) => quantile(samples.get(name) ?? [], 0.5);
    const anonymous = p50("GET /api/auth/me anonymous (401)");
    for (const name of ["GET /api/auth/me with session", "GET /api/auth/me with API token"]) {
      const added = p50(name) - anonymous;
      console.log(
        `${name}: the credential lookup adds ${ms2(added)} ms at p50 (${((added / p50(name)) * 100).toFixed(0)}% of the request), ` +
          "against the same route answered 401 without one",
      );
    }
  } finally {
    await db().session.delete({ where: { id: sha256(session.token) } });
    await db().apiToken.delete({ where: { id: token.id } });
    await db().$disconnect();
  }
}

const ms2 = (value: number) => value.toFixed(2);

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 2000);
  await argon2Figures();

  let consoleUrl = process.env.BENCH_CONSOLE_URL;
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let cleanup = async () => undefined as void;
  if (!consoleUrl || !databaseUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
    console.log("\nStarting a stack (console production build)...");
    const stack = await startStack({ root: path.resolve(import.meta.dirname, ".."), dataDir, profile: "test", withConsole: true, log: () => undefined });
    consoleUrl = stack.urls.console ?? "";
    databaseUrl = stack.urls.database;
    cleanup = async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  try {
    await authorizationFigures(consoleUrl, databaseUrl, requests);
  } finally {
    await cleanup();
  }
}

await main();
