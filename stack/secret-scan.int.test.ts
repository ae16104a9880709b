import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { parseEnv } from "@/lib/env";
import { buildIsStale } from "./console.ts";
import { CANARY_COMPANIONS, canariesOf, canaryBuildEnv, newCanaryRun, readCanaryMarker, type Canary } from "./secret-canaries.ts";

// No secret reaches the browser: build the app with a recognisable canary in every secret
// setting, then look for the canaries in everything the build serves to browsers.

const ROOT = path.resolve(import.meta.dirname, "..");
const SHARED_DIST = path.join(ROOT, ".next");
/**
 * The stack's own console build is made with canaries (stack/console.ts) and is what the other
 * integration and e2e tests use: scan it when it is current. Otherwise build one here.
 */
const sharedRun = !buildIsStale(ROOT) ? readCanaryMarker(SHARED_DIST) : undefined;
const run = sharedRun ?? newCanaryRun();
/** Inside the repository (Next.js refuses a distDir outside it), under .data, which git, tsc, ESLint and Vitest ignore. */
const DIST_NAME = sharedRun ? ".next" : `.data/secret-scan-${run}`;
const DIST = path.join(ROOT, DIST_NAME);
const CANARIES = canariesOf(run);

/** What each canary may look like in a file: the value and its word, raw and URL-encoded. */
function needles(canary: Canary): string[] {
  return [...new Set([canary.value, encodeURIComponent(canary.value), canary.word, encodeURIComponent(canary.word)])];
}

interface ScanResult {
  files: number;
  jsFiles: number;
  bytes: number;
  hits: string[];
}

/** Files the build serves to browsers: every static asset, and the prerendered HTML and RSC payloads. */
function browserFacingFiles(dist: string): string[] {
  const walk = (dir: string, keep: (file: string) => boolean): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true, encoding: "utf8" })
          .map((entry) => path.join(dir, entry))
          .filter((file) => statSync(file).isFile() && keep(file))
      : [];
  return [
    ...walk(path.join(dist, "static"), () => true),
    ...walk(path.join(dist, "server", "app"), (file) => /\.(html|rsc|body)$/.test(file)),
    ...walk(path.join(dist, "server", "pages"), (file) => file.endsWith(".html")),
  ];
}

function scan(dist: string): ScanResult {
  const result: ScanResult = { files: 0, jsFiles: 0, bytes: 0, hits: [] };
  for (const file of browserFacingFiles(dist)) {
    const content = readFileSync(file);
    result.files += 1;
    result.bytes += content.length;
    if (file.endsWith(".js")) result.jsFiles += 1;
    for (const canary of CANARIES) {
      for (const needle of needles(canary)) {
        if (content.includes(needle)) result.hits.push(`${path.relative(dist, file)} holds ${canary.setting} (as "${needle}")`);
      }
    }
  }
  return result;
}

function nextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output.split("\n").slice(-40).join("\n")}`)),
    );
  });
}

const tsconfigShape = z.looseObject({ include: z.array(z.string()).default([]) });

/**
 * `next build` points tsconfig.json's include and next-env.d.ts at its distDir. Put back what
 * was there, but only when the build's additions are the sole difference, so a concurrent edit
 * by someone else is never overwritten.
 */
function restoreTypeScriptFiles(tsconfigBefore: string, nextEnvBefore: string | undefined): void {
  const tsconfigPath = path.join(ROOT, "tsconfig.json");
  const tsconfigNow = readFileSync(tsconfigPath, "utf8");
  if (tsconfigNow !== tsconfigBefore) {
    const now = tsconfigShape.parse(JSON.parse(tsconfigNow));
    const withoutOurs = { ...now, include: now.include.filter((entry) => !entry.startsWith(DIST_NAME)) };
    const before: unknown = JSON.parse(tsconfigBefore);
    if (isDeepStrictEqual(withoutOurs, tsconfigShape.parse(before))) writeFileSync(tsconfigPath, tsconfigBefore);
    else console.warn(`tsconfig.json changed during the secret-scan build beyond its ${DIST_NAME} entries; left as it is`);
  }
  const nextEnvPath = path.join(ROOT, "next-env.d.ts");
  if (nextEnvBefore !== undefined && existsSync(nextEnvPath) && readFileSync(nextEnvPath, "utf8").includes(DIST_NAME)) {
    writeFileSync(nextEnvPath, nextEnvBefore);
  }
}

describe("no secret reaches the browser", () => {
  let createdDataDir = false;

  beforeAll(async () => {
    if (sharedRun) return;
    const env = canaryBuildEnv(process.env, run);
    Object.assign(env, { VIGIL_NEXT_DIST_DIR: DIST_NAME, NEXT_TELEMETRY_DISABLED: "1" });

    const tsconfigBefore = readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
    const nextEnvPath = path.join(ROOT, "next-env.d.ts");
    const nextEnvBefore = existsSync(nextEnvPath) ? readFileSync(nextEnvPath, "utf8") : undefined;
    createdDataDir = !existsSync(path.dirname(DIST));
    mkdirSync(path.dirname(DIST), { recursive: true });
    try {
      await nextBuild(env);
    } finally {
      restoreTypeScriptFiles(tsconfigBefore, nextEnvBefore);
    }
  }, 600_000);

  afterAll(() => {
    if (sharedRun) return;
    rmSync(DIST, { recursive: true, force: true });
    if (createdDataDir && readdirSync(path.dirname(DIST)).length === 0) rmSync(path.dirname(DIST), { recursive: true });
  });

  it("the canaries form a valid configuration (so the build ran with every secret set)", () => {
    // A new secret setting whose canary its schema refuses needs a case in canariesOf.
    expect(() => parseEnv({ ...CANARY_COMPANIONS, ...Object.fromEntries(CANARIES.map((canary) => [canary.setting, canary.value])) })).not.toThrow();
  });

  it("the scanner finds a canary planted in a bundle (so a clean scan means something)", () => {
    const canary = CANARIES[0];
    if (!canary) throw new Error("SECRET_SETTINGS is empty");
    const planted = path.join(DIST, "static", "chunks", `planted-${run}.js`);
    writeFileSync(planted, `self.leak=${JSON.stringify(encodeURIComponent(canary.value))};`);
    try {
      const hits = scan(DIST).hits;
      expect(hits.length).toBeGreaterThan(0);
      expect(new Set(hits.map((hit) => hit.split(" holds ")[0]))).toEqual(new Set([path.relative(DIST, planted)]));
    } finally {
      rmSync(planted);
    }
  });

  it("no client bundle, prerendered page or payload holds the value of a secret setting", () => {
    const result = scan(DIST);
    console.log(
      `Scanned ${sharedRun ? "the stack's console build" : "a build of its own"}: ${result.files} browser-facing files (${result.jsFiles} JavaScript, ${(result.bytes / 1024).toFixed(0)} KiB) ` +
        `for ${CANARIES.map((canary) => canary.setting).join(", ")}`,
    );
    expect(result.jsFiles).toBeGreaterThan(0);
    expect(result.bytes).toBeGreaterThan(100_000);
    expect(result.hits).toEqual([]);
  });
});
