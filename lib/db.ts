import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { z } from "zod";
import { outsideRequest } from "@/lib/async/outside-request";
import { env } from "@/lib/env";
import { UpstreamError } from "@/lib/errors";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { networkCode } from "@/lib/http/network-code";
import { consoleMetrics } from "@/lib/metrics";

interface Database {
  prisma: PrismaClient;
  /** Shared with Prisma, so the health check sees the connections the app uses. */
  pool: pg.Pool;
  /** host:port, never the credentials. */
  address: string;
  /** host:port/database, as the health report names it. */
  instance: string;
  user: string;
  database: string;
  timeoutMs: number;
}

const globalKey = Symbol.for("vigil.db");

type PoolConnectCallback = Parameters<pg.Pool["connect"]>[0];

/**
 * Opens connections outside the request that needs one: a pooled connection outlives it, and
 * what opening it creates (socket, pg-pool's and pg's connection-timeout timers, whose closures
 * the connection keeps) would otherwise hold that request's async context and, through it,
 * every later render (lib/async/outside-request.ts). pool.query goes through connect too.
 */
class DetachedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: PoolConnectCallback): void;
  override connect(callback?: PoolConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) return outsideRequest(() => super.connect());
    // The new connection keeps the callback it was opened for (a listener on pg's Connection):
    // let go of the caller's (and its request's promise) once called.
    let pending: PoolConnectCallback | undefined = callback;
    outsideRequest(() =>
      super.connect((error, client, done) => {
        const forward = pending;
        pending = undefined;
        forward?.(error, client, done);
      }),
    );
  }
}

function createDatabase(): Database {
  const { DATABASE_URL, DATABASE_TIMEOUT_MS } = env();
  const url = new URL(DATABASE_URL);
  const address = `${url.hostname}:${url.port || "5432"}`;
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  const pool = new DetachedPool({ connectionString: DATABASE_URL, connectionTimeoutMillis: DATABASE_TIMEOUT_MS });
  // An idle connection dies when Postgres restarts; without a listener that error would end the process.
  pool.on("error", (error) => console.error(`Postgres at ${address}: idle connection lost: ${error.message}`));
  // A connection the pool is closing is no longer the pool's: if Postgres ends it first (a restart,
  // an administrator) its error has no listener and would end the process too. Queries still get
  // their own errors; this only keeps a late one from being fatal.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return {
    prisma: new PrismaClient({ adapter: new PrismaPg(pool) }),
    pool,
    address,
    instance: `${address}/${database}`,
    user: decodeURIComponent(url.username) || "(default user)",
    database,
    timeoutMs: DATABASE_TIMEOUT_MS,
  };
}

function database(): Database {
  // On globalThis because Next.js may evaluate this module once per route bundle (and again
  // on every hot reload in development); each copy would otherwise open its own pool.
  const holder = globalThis as typeof globalThis & { [globalKey]?: Database };
  holder[globalKey] ??= createDatabase();
  return holder[globalKey];
}

/** The one Prisma client, connected through the PrismaPg adapter to DATABASE_URL. */
export function db(): PrismaClient {
  return database().prisma;
}

/** Closes the client and its pool, for one-shot processes such as the CLI; the server keeps them open. */
export async function closeDatabase(): Promise<void> {
  const holder = globalThis as typeof globalThis & { [globalKey]?: Database };
  const current = holder[globalKey];
  if (!current) return;
  delete holder[globalKey];
  await current.prisma.$disconnect();
  await current.pool.end();
}

export interface DatabasePing {
  ok: true;
  /** The server's `version()`, e.g. "PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu, ...". */
  version: string;
  latencyMs: number;
}

/**
 * Runs `select version()` within DATABASE_TIMEOUT_MS. Throws an UpstreamError that says what
 * went wrong (timeout, refused, bad credentials, missing database) without the password.
 */
export async function pingDatabase(): Promise<DatabasePing> {
  const target = database();
  const started = performance.now();
  const observe = (outcome: "ok" | "error") =>
    consoleMetrics()
      .upstreamRequestDuration.labels({ upstream: "postgres", instance: target.instance, endpoint: "ping", outcome })
      .observe((performance.now() - started) / 1000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PingTimeout()), target.timeoutMs);
  });
  try {
    // The pool's connectionTimeoutMillis bounds connecting; the race also bounds a server that accepts but never answers.
    const result = await Promise.race([target.pool.query<{ version: unknown }>("select version() as version"), timeout]);
    observe("ok");
    return { ok: true, version: String(result.rows[0]?.version ?? ""), latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    observe("error");
    const failure = describePostgresError(error, target);
    consoleMetrics()
      .upstreamErrors.labels({ upstream: "postgres", instance: target.instance, endpoint: "ping", kind: failure.kind })
      .inc();
    throw failure;
  } finally {
    clearTimeout(timer);
  }
}

class PingTimeout extends Error {}

function describePostgresError(error: unknown, target: Database): UpstreamError {
  const name = `Postgres at ${target.address}`;
  const fail = (kind: "timeout" | "unreachable" | "api", message: string) =>
    new UpstreamError({ upstream: "postgres", instance: target.instance, kind, message, cause: error });
  const seconds = `${Number((target.timeoutMs / 1000).toFixed(3))} s`;
  const text = error instanceof Error ? error.message : String(error);

  if (error instanceof PingTimeout || /timeout exceeded when trying to connect|connection timeout/i.test(text)) {
    return fail("timeout", `${name} did not answer in ${seconds}`);
  }
  if (error instanceof pg.DatabaseError) {
    switch (error.code) {
      case "28P01":
      case "28000":
        return fail("api", `${name} rejected the credentials of user "${target.user}" (check DATABASE_URL)`);
      case "3D000":
        return fail("api", `${name} has no database "${target.database}" (create it, or run \`npm run db:migrate\`)`);
      case "57P03":
        return fail("unreachable", `${name} is starting up or shutting down`);
      case "53300":
        return fail("unreachable", `${name} has no free connection slots (too many clients)`);
      default:
        return fail("api", `${name} answered with an error: ${error.message}${error.code ? ` (${error.code})` : ""}`);
    }
  }
  // pg raises these itself when the server asks for a password the URL does not carry.
  if (/SASL|SCRAM|password/i.test(text)) {
    return fail("api", `${name} asked for a password that DATABASE_URL does not give (user "${target.user}")`);
  }
  const code = networkCode(error);
  if (code === "ECONNREFUSED") return fail("unreachable", `${name} refused the connection (is it running?)`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return fail("unreachable", `${name} could not be reached: the host name does not resolve (check DATABASE_URL)`);
  }
  if (code === "ECONNRESET" || /Connection terminated/i.test(text)) {
    return fail("unreachable", `${name} closed the connection before answering`);
  }
  return fail("unreachable", `${name} could not be reached: ${text}${code ? ` (${code})` : ""}`);
}

/** Prisma's codes for "the database is not there": unreachable, timed out, closed, pool exhausted. */
const OUTAGE_CODES: Record<string, string> = {
  P1001: "could not be reached (is it running?)",
  P1002: "did not answer in time",
  P1008: "did not answer in time",
  P1017: "closed the connection",
  P2024: "has no free connection for the console (the pool timed out)",
};

const driverCauseSchema = z.object({
  driverAdapterError: z.object({ cause: z.object({ kind: z.string(), code: z.string().optional() }).loose() }).loose(),
});

/**
 * What the driver reported under Prisma's generic codes (P2039 and friends): Postgres shutting
 * down (SQLSTATE class 57: 57P01 admin shutdown, 57P02 crash, 57P03 starting up) or a broken
 * connection (class 08), or the adapter's own connection kinds.
 */
function driverOutage(meta: unknown): string | undefined {
  const parsed = driverCauseSchema.safeParse(meta);
  if (!parsed.success) return undefined;
  const { kind, code } = parsed.data.driverAdapterError.cause;
  if (code?.startsWith("57")) return "is shutting down or restarting";
  if (code?.startsWith("08")) return "dropped the connection";
  if (kind === "ConnectionClosed") return "closed the connection";
  if (kind === "DatabaseNotReachable") return "could not be reached (is it running?)";
  if (kind === "SocketTimeout") return "did not answer in time";
  if (kind === "TooManyConnections") return "has no free connection slots (too many clients)";
  return undefined;
}

/**
 * The UpstreamError to answer with when a query failed because Postgres is unreachable, or
 * undefined for any other error (a constraint, a bug) so those keep their own handling.
 */
export function postgresOutage(error: unknown): UpstreamError | undefined {
  if (error instanceof UpstreamError) return error.upstream === "postgres" ? error : undefined;
  const target = database();
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const what = OUTAGE_CODES[error.code] ?? driverOutage(error.meta);
    if (!what) return undefined;
    const kind = error.code === "P1002" || error.code === "P1008" ? "timeout" : "unreachable";
    return new UpstreamError({ upstream: "postgres", instance: target.instance, kind, message: `Postgres at ${target.address} ${what}`, cause: error });
  }
  if (error instanceof Prisma.PrismaClientInitializationError) return describePostgresError(error, target);
  // Starting or ending an interactive transaction can surface the adapter's error unwrapped.
  if (error instanceof Error && error.name === "DriverAdapterError") {
    const what = driverOutage({ driverAdapterError: error });
    if (what) return new UpstreamError({ upstream: "postgres", instance: target.instance, kind: "unreachable", message: `Postgres at ${target.address} ${what}`, cause: error });
  }
  const code = networkCode(error);
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ETIMEDOUT") return describePostgresError(error, target);
  // pg's pool: no connection within DATABASE_TIMEOUT_MS (every pooled client busy, or the server slow to
  // accept), passed through Prisma as an unknown error. A 503 that says so, not an internal error.
  if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) return describePostgresError(error, target);
  // pg's own words for a pooled client whose connection broke mid-use.
  if (error instanceof Error && /Client has encountered a connection error|Connection terminated unexpectedly/.test(error.message)) {
    return new UpstreamError({ upstream: "postgres", instance: target.instance, kind: "unreachable", message: `Postgres at ${target.address} dropped the connection`, cause: error });
  }
  return undefined;
}
