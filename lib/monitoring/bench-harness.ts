import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildConsole, buildIsStale, consoleService } from "@/stack/console";
import { freePort } from "@/stack/ports";
import { startStack, TEST_PASSWORD } from "@/stack/stack";

/*
 * What bench/targets.ts and bench/cardinality.ts share: the stack's Postgres and Alertmanagers,
 * a production console pointed at a private Prometheus, and a signed-in headless Chromium.
 */

export interface BenchConsole {
  url: string;
  browser: Browser;
  page: Page;
  stop: () => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Starts the services and a production console reading `prometheusUrl`, signed in as the admin. */
export async function startBenchConsole(prometheusUrl: string, log: (line: string) => void = console.log): Promise<BenchConsole> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-monitoring-"));
  const stack = await startStack({ root: ROOT, dataDir, profile: "test", withConsole: false, victoriaMetrics: false, log: () => undefined });
  if (buildIsStale(ROOT)) {
    log("Building the console (next build)...");
    await buildConsole(ROOT, () => undefined);
  }
  const port = await freePort();
  const service = consoleService({
    root: ROOT,
    port,
    host: "127.0.0.1",
    logFile: path.join(dataDir, "console.log"),
    env: { PROMETHEUS_URL: prometheusUrl, ALERTMANAGER_URLS: stack.urls.alertmanagers.join(","), DATABASE_URL: stack.urls.database },
  });
  await service.start();
  const url = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await browser.newPage({ baseURL: url, viewport: { width: 1440, height: 900 } });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@vigil.local");
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((target) => !target.pathname.startsWith("/sign-in"));
  return {
    url,
    browser,
    page,
    stop: async () => {
      await browser.close();
      await service.stop();
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Milliseconds from navigation start until `ready` resolves, `runs` times (the first warms caches). */
export async function timePageLoads(page: Page, url: string, ready: (page: Page) => Promise<void>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const started = performance.now();
    await page.goto(url);
    await ready(page);
    if (run > 0) times.push(performance.now() - started);
  }
  return times;
}
