import { existsSync, readdirSync, statSync } from "node:fs";
import { spawn } from "node:child_process";
import path from "node:path";
import { canaryBuildEnv, newCanaryRun, writeCanaryMarker } from "./secret-canaries.ts";
import { Service, httpReady } from "./service.ts";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** True when there is no production build or a source file changed after it was made. */
export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(path.join(root, entry)) > built);
}

function nextBin(root: string): string {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/**
 * Runs `next build`, streaming its output through `log`. Secret settings are canaries during the
 * build (see secret-canaries.ts), which the build's marker file names for the secret scan.
 */
export function buildConsole(root: string, log: (line: string) => void): Promise<void> {
  const run = newCanaryRun();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(root), "build"], {
      cwd: root,
      env: { ...canaryBuildEnv(process.env, run), NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) {
        writeCanaryMarker(path.join(root, ".next"), run);
        log("Console built.");
        resolve();
      } else {
        reject(new Error(`next build failed (exit ${code}):\n${output.split("\n").slice(-40).join("\n")}`));
      }
    });
  });
}

export interface ConsoleOptions {
  root: string;
  port: number;
  host: string;
  env: Record<string, string>;
  logFile: string;
}

/** The production console (server.js over the `next build` output) with the stack's settings in its environment. */
export function consoleService(options: ConsoleOptions): Service {
  return new Service({
    name: "console",
    command: process.execPath,
    args: [path.join(options.root, "server.js")],
    cwd: options.root,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      HOST: options.host,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    logFile: options.logFile,
    ready: () => httpReady(`http://127.0.0.1:${options.port}/metrics`),
    readyTimeoutMs: 60_000,
  });
}
