import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "./ports.ts";

export interface StartPostgresOptions {
  /** Holds the cluster (pgdata/) and its log (postgres.log); reused on the next start. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Created when missing; defaults to "vigil". */
  database?: string;
  log?: (line: string) => void;
}

export interface PostgresHandle {
  /** postgresql://vigil@127.0.0.1:<port>/<database>, no password (trust on loopback). */
  url: string;
  port: number;
  /** Fast shutdown (SIGINT); resolves once the server has exited. */
  stop(): Promise<void>;
}

interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The major version, e.g. 15, compared with the cluster's PG_VERSION. */
  major: number;
}

/** Who the server runs as: ourselves, or the `postgres` account when we are root. */
interface RunAs {
  uid?: number;
  gid?: number;
  name: string;
}

const SUPERUSER = "vigil";
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const INSTALL_HINT =
  "Install the Postgres server: on Debian/Ubuntu `apt-get install postgresql`, on Fedora `dnf install postgresql-server`, " +
  "on macOS `brew install postgresql@15`. Or point Vigil at an existing server with DATABASE_URL.";

/**
 * Starts (initialising on first use) a private Postgres cluster under `dataDir`, listening on
 * 127.0.0.1 only, and creates the database. A server left running from the same directory by
 * an earlier, killed run is adopted instead of started twice.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresHandle> {
  const log = options.log ?? (() => undefined);
  const database = options.database ?? "vigil";
  const binaries = findPostgresBinaries();
  const runAs = serverAccount();
  const dataDir = serverDataDir(path.resolve(options.dataDir), runAs, log);
  const pgdata = path.join(dataDir, "pgdata");
  const logFile = path.join(dataDir, "postgres.log");

  const leftover = runningServer(pgdata);
  if (leftover) {
    const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
    try {
      await waitUntilReady(leftover.port, { pgdata, logFile, logOffset, exited: () => !isAlive(leftover.pid) });
      await ensureDatabase(leftover.port, database);
      log(`Reusing the Postgres (pid ${leftover.pid}) still running on port ${leftover.port} from an earlier run.`);
      return { url: databaseUrl(leftover.port, database), port: leftover.port, stop: () => stopPid(leftover.pid) };
    } catch (error) {
      if (isAlive(leftover.pid)) {
        throw new Error(
          `A Postgres (pid ${leftover.pid}) from an earlier run holds ${pgdata} but does not answer on port ${leftover.port}. ` +
            `Stop it with \`kill -INT ${leftover.pid}\` and start again.`,
          { cause: error },
        );
      }
      // It was shutting down and is gone now: start our own below.
    }
  }

  initialiseCluster(binaries, pgdata, logFile, runAs, log);

  // A free port can be taken by someone else before postgres binds it; only then try another.
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort());
    try {
      const server = await launch({ binaries, pgdata, logFile, port, runAs });
      try {
        await ensureDatabase(port, database);
      } catch (error) {
        await server.stop();
        throw error;
      }
      log(`Postgres ${binaries.major} is listening on 127.0.0.1:${port} (data in ${pgdata}).`);
      return { url: databaseUrl(port, database), port, stop: server.stop };
    } catch (error) {
      if (!(error instanceof PortInUseError) || options.port !== undefined || attempt >= 5) throw error;
    }
  }
}

/** The server binaries of the newest Postgres on this machine, or an error naming what to install. */
export function findPostgresBinaries(): PostgresBinaries {
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) candidates.push(dir);
  // Debian and Ubuntu keep server binaries off PATH, one directory per major version.
  for (const root of ["/usr/lib/postgresql", "/usr/pgsql"]) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(root, version, "bin"));
  }
  candidates.push("/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin");

  for (const dir of candidates) {
    const initdb = path.join(dir, "initdb");
    const postgres = path.join(dir, "postgres");
    if (!existsSync(initdb) || !existsSync(postgres)) continue;
    const real = { initdb: realpathSync(initdb), postgres: realpathSync(postgres) };
    const major = serverMajorVersion(real.postgres);
    if (major !== undefined) return { ...real, major };
  }
  throw new Error(`No Postgres server binaries (initdb and postgres) found on PATH or in /usr/lib/postgresql/*/bin. ${INSTALL_HINT}`);
}

function serverMajorVersion(postgres: string): number | undefined {
  const result = spawnSync(postgres, ["--version"], { encoding: "utf8" });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? "");
  return match?.[1] ? Number(match[1]) : undefined;
}

function serverAccount(): RunAs {
  if (process.getuid?.() !== 0) return { name: "current user" };
  // Postgres refuses to run as root, so as root we hand the cluster to the `postgres` account.
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      "Postgres refuses to run as root and there is no `postgres` user to run it as. " +
        `Run as a normal user, or create the account (installing the server does: ${INSTALL_HINT})`,
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name: "postgres" };
}

/**
 * The directory the cluster lives in. As root, the server runs as `postgres`, which cannot
 * enter a checkout under a private directory such as /root; the cluster then lives under
 * /var/lib/vigil, in a directory named after the requested one so each checkout keeps its own
 * data across runs.
 */
function serverDataDir(requested: string, runAs: RunAs, log: (line: string) => void): string {
  mkdirSync(requested, { recursive: true });
  if (runAs.uid === undefined || runAs.gid === undefined) return requested;
  chownSync(requested, runAs.uid, runAs.gid);
  if (canWrite(requested, runAs)) return requested;
  const fallback = path.join("/var/lib/vigil", `postgres-${createHash("sha256").update(requested).digest("hex").slice(0, 12)}`);
  mkdirSync(fallback, { recursive: true });
  chmodSync(path.dirname(fallback), 0o755);
  chownSync(fallback, runAs.uid, runAs.gid);
  assertReachable(fallback, runAs);
  log(`The postgres user cannot enter ${requested} (a directory above it is private); keeping the cluster in ${fallback}.`);
  return fallback;
}

function canWrite(dir: string, runAs: RunAs): boolean {
  return spawnSync("test", ["-w", dir, "-a", "-x", dir], { uid: runAs.uid, gid: runAs.gid, cwd: "/" }).status === 0;
}

function assertReachable(dir: string, runAs: RunAs): void {
  if (!canWrite(dir, runAs)) {
    throw new Error(
      `The ${runAs.name} user cannot write to ${dir}. Every directory above it must be searchable by others ` +
        `(chmod o+x), e.g. \`chmod 755 ${path.dirname(dir)}\`, or choose a data directory outside /root.`,
    );
  }
}

function initialiseCluster(binaries: PostgresBinaries, pgdata: string, logFile: string, runAs: RunAs, log: (line: string) => void): void {
  const versionFile = path.join(pgdata, "PG_VERSION");
  if (existsSync(versionFile)) {
    const clusterMajor = Number(readFileSync(versionFile, "utf8").trim());
    if (clusterMajor !== binaries.major) {
      throw new Error(
        `${pgdata} holds a Postgres ${clusterMajor} cluster but the installed server is Postgres ${binaries.major}. ` +
          `Delete ${pgdata} to start afresh (the demo data is recreated) or install Postgres ${clusterMajor}.`,
      );
    }
    return;
  }
  // A directory without PG_VERSION is what an interrupted initdb leaves behind; it holds no data.
  if (existsSync(pgdata)) rmSync(pgdata, { recursive: true, force: true });
  log(`Initialising a Postgres ${binaries.major} cluster in ${pgdata}...`);
  const result = spawnSync(
    binaries.initdb,
    [
      `--pgdata=${pgdata}`,
      `--username=${SUPERUSER}`,
      // Only loopback connections are possible (listen_addresses=127.0.0.1, no socket), so trust is safe.
      "--auth=trust",
      "--encoding=UTF8",
      "--locale=C",
    ],
    // cwd matters: initdb fails when it cannot read the directory it was started from.
    { uid: runAs.uid, gid: runAs.gid, cwd: path.dirname(pgdata), encoding: "utf8" },
  );
  if (result.status !== 0) {
    rmSync(pgdata, { recursive: true, force: true });
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(`initdb failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}\n(log: ${logFile})`);
  }
}

class PortInUseError extends Error {}

interface LaunchOptions {
  binaries: PostgresBinaries;
  pgdata: string;
  logFile: string;
  port: number;
  runAs: RunAs;
}

const liveServers = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // If our process ends without stop(), ask the server for a fast shutdown rather than orphaning it.
  process.on("exit", () => {
    for (const child of liveServers) child.kill("SIGINT");
  });
}

async function launch(options: LaunchOptions): Promise<{ stop(): Promise<void> }> {
  const { binaries, pgdata, logFile, port, runAs } = options;
  const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
  const fd = openSync(logFile, "a");
  const child = spawn(
    binaries.postgres,
    [
      "-D",
      pgdata,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      // No Unix socket: socket paths are limited to ~100 bytes and a temp data dir can be longer.
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
    ],
    { uid: runAs.uid, gid: runAs.gid, cwd: pgdata, stdio: ["ignore", fd, fd] },
  );
  closeSync(fd);
  installExitHook();
  liveServers.add(child);
  let exited = false;
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    const done = () => {
      exited = true;
      liveServers.delete(child);
      resolve();
    };
    child.once("exit", done);
    child.once("error", (error) => {
      spawnError = error;
      done();
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill("SIGINT");
    // Fast shutdown should take a second; escalate to immediate shutdown, then to SIGKILL.
    const quit = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
    const kill = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS + 5_000);
    await exit;
    clearTimeout(quit);
    clearTimeout(kill);
  };

  try {
    await waitUntilReady(port, { pgdata, logFile, logOffset, exited: () => exited });
  } catch (error) {
    await stop();
    if (spawnError) throw new Error(`Could not run ${binaries.postgres}: ${spawnError.message}`, { cause: spawnError });
    if (error instanceof PortInUseError || /could not bind|Address already in use/i.test(readLog(logFile, logOffset))) {
      throw new PortInUseError(`Port ${port} on 127.0.0.1 is already in use.`);
    }
    throw error;
  }
  return { stop };
}

interface ReadyOptions {
  /** The server that answers must be serving this directory: another one may own the port. */
  pgdata: string;
  logFile: string;
  logOffset: number;
  exited: () => boolean;
}

async function waitUntilReady(port: number, options: ReadyOptions): Promise<void> {
  const expected = new Set([path.resolve(options.pgdata), realpathSync(options.pgdata)]);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = "";
  while (Date.now() < deadline) {
    if (options.exited()) {
      throw new Error(`Postgres exited while starting. Last lines of ${options.logFile}:\n${tail(readLog(options.logFile, options.logOffset))}`);
    }
    const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, database: "postgres", connectionTimeoutMillis: 2_000 });
    let servedDirectory: string | undefined;
    try {
      await client.connect();
      const result = await client.query("SELECT current_setting('data_directory') AS dir");
      servedDirectory = String(result.rows[0]?.dir ?? "");
    } catch (error) {
      // "the database system is starting up" and refused connections are expected for a while.
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
    if (servedDirectory !== undefined) {
      if (expected.has(servedDirectory)) return;
      throw new PortInUseError(`Port ${port} on 127.0.0.1 is served by another Postgres (data directory ${servedDirectory}).`);
    }
    await sleep(100);
  }
  throw new Error(
    `Postgres on 127.0.0.1:${port} did not accept connections within ${READY_TIMEOUT_MS / 1000} s (last error: ${lastError}). ` +
      `Last lines of ${options.logFile}:\n${tail(readLog(options.logFile, options.logOffset))}`,
  );
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: SUPERUSER, database: "postgres" });
  await client.connect();
  try {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`).catch((error: unknown) => {
        // Another process may have created it between our check and our CREATE.
        if (!(error instanceof pg.DatabaseError && error.code === "42P04")) throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** The server recorded in postmaster.pid, when that process is still alive and serves this directory. */
function runningServer(pgdata: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid lines: pid, data directory, start time, port, socket dir, listen address, shmem key, status.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const command = commandLine(pid);
  if (command === undefined || !command.includes("postgres") || !command.includes(pgdata)) {
    // The pid now belongs to an unrelated process (pids are reused, often in containers), and
    // postgres would refuse to start while the file names a live process: the file is stale.
    rmSync(pidFile, { force: true });
    return undefined;
  }
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`A Postgres (pid ${pid}) is already running on ${pgdata} but its port is unknown. Stop it with \`kill -INT ${pid}\`.`);
  }
  return { pid, port };
}

function commandLine(pid: number): string | undefined {
  const proc = `/proc/${pid}/cmdline`;
  if (existsSync(proc)) return readFileSync(proc, "utf8").replaceAll("\0", " ");
  const ps = spawnSync("ps", ["-o", "command=", "-p", String(pid)], { encoding: "utf8" });
  return ps.status === 0 ? ps.stdout.trim() : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // An exited orphan stays a zombie where pid 1 does not reap (some containers); it is gone for us.
    const stat = `/proc/${pid}/stat`;
    return !(existsSync(stat) && /^\d+ \(.*\) Z/.test(readFileSync(stat, "utf8")));
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

async function stopPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGQUIT");
  await sleep(5_000);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

function databaseUrl(port: number, database: string): string {
  return `postgresql://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function readLog(file: string, offset: number): string {
  if (!existsSync(file)) return "";
  return readFileSync(file).subarray(offset).toString("utf8");
}

function tail(text: string, lines = 20): string {
  const trimmed = text.trimEnd();
  return trimmed ? trimmed.split("\n").slice(-lines).join("\n") : "(the log is empty)";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
