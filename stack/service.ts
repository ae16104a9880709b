import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync, existsSync } from "node:fs";

export interface ServiceOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where stdout and stderr go; its tail is quoted when the service fails to start. */
  logFile: string;
  /** Resolves true once the service answers. */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: whatever path ends this process, no child outlives it.
  process.on("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

/** One child process with a readiness probe, restartable with the same arguments. */
export class Service {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(readonly options: ServiceOptions) {
    installExitHook();
  }

  get name(): string {
    return this.options.name;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    if (this.running) return;
    const { command, args, env, cwd, logFile } = this.options;
    const fd = openSync(logFile, "a");
    const child = spawn(command, args, { env: env ?? process.env, cwd, stdio: ["ignore", fd, fd] });
    closeSync(fd);
    this.child = child;
    live.add(child);
    let exitError: Error | undefined;
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        live.delete(child);
        exitError = new Error(`${this.name} exited (${signal ?? `code ${code}`})`);
        resolve();
      });
      child.once("error", (error) => {
        live.delete(child);
        exitError = error;
        resolve();
      });
    });
    const deadline = Date.now() + (this.options.readyTimeoutMs ?? 30_000);
    while (Date.now() < deadline) {
      if (exitError) throw this.failure(exitError.message);
      if (await this.options.ready().catch(() => false)) return;
      await sleep(150);
    }
    await this.stop();
    throw this.failure(`${this.name} did not become ready within ${(this.options.readyTimeoutMs ?? 30_000) / 1000} s`);
  }

  /** SIGTERM, then SIGKILL if the process has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private failure(reason: string): Error {
    return new Error(`${reason}. Last lines of ${this.options.logFile}:\n${tail(this.options.logFile, 15)}`);
  }
}

/** True when GET url answers with a 2xx status within a second. */
export async function httpReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export function tail(file: string, lines: number): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
