/**
 * The alert page at load: 10,000 alerts in 500 groups (500 alert names × 20 instances, mixed
 * severities) posted to every real Alertmanager, then, in headless Chromium:
 *   - time to interactive of /alerts: navigation start until the virtualized list shows the alerts
 *     and the counts say 10,000 (goal < 1.5 s);
 *   - a filter keystroke applied: from the input event until the list is re-filtered and a frame
 *     has been drawn (goal < 100 ms), over a word typed one character at a time;
 *   - the console's memory (process_resident_memory_bytes from its /metrics) at that load, and the
 *     size and time of GET /api/alerts.
 *
 * npx tsx bench/alerts-page.ts            starts its own stack (test profile, production console)
 *   --save <file.json>                     also writes the figures to a file (e.g. before a change)
 *   --compare <file.json>                  prints the figures beside those of an earlier --save
 * VIGIL_BENCH_CONSOLE_URL=… VIGIL_BENCH_ALERTMANAGER_URLS=… VIGIL_BENCH_PASSWORD=… npx tsx bench/alerts-page.ts
 *                                         reuses a running demo (`npm run demo`)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { z } from "zod";
import { filterAlerts, parseFilter } from "../lib/alerts/filter.ts";
import { flattenGroups, groupSorted, sortAlerts } from "../lib/alerts/group.ts";
import type { ListedAlert } from "../lib/alerts/types.ts";
import { startStack, type Stack } from "../stack/stack.ts";

const ALERT_NAMES = 500;
/** Page loads measured; the figure is their median. */
const LOADS = 5;
const PER_GROUP = 20;
const SEVERITIES = ["critical", "warning", "warning", "info"];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Target {
  console: string;
  alertmanagers: string[];
  password: string;
  stop: () => Promise<void>;
}

async function target(): Promise<Target> {
  const consoleUrl = process.env.VIGIL_BENCH_CONSOLE_URL;
  if (consoleUrl) {
    return {
      console: consoleUrl,
      alertmanagers: (process.env.VIGIL_BENCH_ALERTMANAGER_URLS ?? "http://localhost:9093").split(","),
      password: process.env.VIGIL_BENCH_PASSWORD ?? "",
      stop: async () => undefined,
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-alerts-"));
  console.log("Starting a private stack with the production console (builds it first if needed)...");
  const stack: Stack = await startStack({ root, dataDir, profile: "test", withConsole: true, log: () => undefined });
  return {
    console: stack.urls.console ?? "",
    alertmanagers: stack.urls.alertmanagers,
    password: stack.demoPassword,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const began = performance.now();
function step(message: string): void {
  console.log(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

function benchAlerts(endsAt: Date) {
  const alerts = [];
  for (let group = 0; group < ALERT_NAMES; group += 1) {
    for (let index = 0; index < PER_GROUP; index += 1) {
      alerts.push({
        labels: {
          alertname: `BenchAlert${String(group).padStart(3, "0")}`,
          severity: SEVERITIES[(group + index) % SEVERITIES.length] ?? "info",
          instance: `bench-${String(index).padStart(2, "0")}`,
          team: `team-${group % 12}`,
          vigil_bench: "alerts-page",
        },
        annotations: { summary: `Bench alert ${group}/${index}: synthetic load for the alert page`, description: "Posted by bench/alerts-page.ts." },
        startsAt: new Date(Date.now() - (group * PER_GROUP + index) * 1000).toISOString(),
        endsAt: endsAt.toISOString(),
      });
    }
  }
  return alerts;
}

async function postAll(alertmanagers: string[], alerts: unknown[]): Promise<void> {
  for (const url of alertmanagers) {
    for (let offset = 0; offset < alerts.length; offset += 500) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alerts.slice(offset, offset + 500)),
        signal: AbortSignal.timeout(120_000),
      });
      if (!response.ok) throw new Error(`${url} refused the bench alerts: ${response.status} ${await response.text()}`);
    }
  }
}

function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The page's per-keystroke work (filter, group, sort, flatten) over the same 10,000 alerts, in Node. */
function pureFilterTimes(alerts: ReturnType<typeof benchAlerts>, word: string): number[] {
  const listed: ListedAlert[] = alerts.map((alert, index) => ({
    ...alert,
    annotations: alert.annotations,
    receivers: [{ name: "team-ml" }],
    fingerprint: index.toString(16).padStart(16, "0"),
    updatedAt: alert.startsAt,
    status: { state: "active", silencedBy: [], inhibitedBy: [] },
    instances: ["http://am-0", "http://am-1"],
    acknowledgement: null,
  }));
  const times: number[] = [];
  // As the page does: sorted once per answer, then filtered and grouped on each keystroke.
  const sorted = sortAlerts(listed, "severity");
  for (let length = 0; length <= word.length; length += 1) {
    const started = performance.now();
    const groups = groupSorted(filterAlerts(sorted, parseFilter(word.slice(0, length)), new Set()), ["alertname"]);
    flattenGroups(groups, new Set(), true);
    times.push(performance.now() - started);
  }
  return times;
}

/** JSON has no NaN (a figure not measured): it is written as null. */
const measured = z.number().nullable().transform((value) => value ?? Number.NaN);
const figuresSchema = z.object({
  label: z.string(),
  apiMs: measured,
  apiMiB: measured,
  interactiveMs: measured,
  documentMs: measured,
  firstRowMs: measured,
  apiRequestStartMs: measured,
  apiResponseEndMs: measured,
  keystrokeMs: measured,
  keystrokeMaxMs: measured,
  rssMiB: measured,
  heapMiB: measured,
  /** Page loads that showed the alerts within 60 s, of LOADS. */
  loadsShown: measured,
});
type Figures = z.infer<typeof figuresSchema>;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const ROWS: Array<[keyof Omit<Figures, "label">, string, string]> = [
  ["interactiveMs", "/alerts interactive (list + counts)", "ms"],
  ["documentMs", "  HTML document received", "ms"],
  ["apiRequestStartMs", "  first alerts request sent", "ms"],
  ["apiResponseEndMs", "  first alerts answer received", "ms"],
  ["firstRowMs", "  first row drawn", "ms"],
  ["apiMs", "GET /api/alerts", "ms"],
  ["apiMiB", "GET /api/alerts size", "MiB"],
  ["keystrokeMs", "filter keystroke, median", "ms"],
  ["keystrokeMaxMs", "filter keystroke, max", "ms"],
  ["rssMiB", "console RSS", "MiB"],
  ["heapMiB", "console JS heap used", "MiB"],
  ["loadsShown", `page loads showing the alerts (of ${LOADS})`, ""],
];

function printComparison(before: Figures, after: Figures): void {
  const format = (value: number, unit: string) => {
    if (!Number.isFinite(value)) return "n/a";
    if (unit === "") return String(value);
    return `${unit === "MiB" ? value.toFixed(1) : value.toFixed(value < 100 ? 1 : 0)} ${unit}`;
  };
  console.log(`\n  ${"".padEnd(38)}${before.label.padStart(16)}${after.label.padStart(16)}`);
  for (const [key, name, unit] of ROWS) console.log(`  ${name.padEnd(38)}${format(before[key], unit).padStart(16)}${format(after[key], unit).padStart(16)}`);
}

async function main(): Promise<void> {
  const alerts = benchAlerts(new Date(Date.now() + 30 * 60_000));
  const pure = pureFilterTimes(alerts, "BenchAlert421");
  console.log(`Filter + group + sort of ${alerts.length} alerts in Node: median ${median(pure).toFixed(1)} ms, max ${Math.max(...pure).toFixed(1)} ms (first run ${pure[0]?.toFixed(1)} ms)`);
  const bench = await target();
  try {
    const posting = performance.now();
    await postAll(bench.alertmanagers, alerts);
    console.log(`Posted ${alerts.length} alerts in ${ALERT_NAMES} groups to ${bench.alertmanagers.length} Alertmanagers in ${Math.round(performance.now() - posting)} ms`);

    step("launching Chromium");
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const context = await browser.newContext({ baseURL: bench.console, viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      context.setDefaultTimeout(120_000);
      step("signing in");
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill("admin@vigil.local");
      await page.getByLabel("Password").fill(bench.password);
      await page.getByRole("button", { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

      step("GET /api/alerts until it lists the bench alerts");
      // Under heavy load Alertmanager may take longer than the console's timeout to list 10,000 alerts,
      // and a console that keeps a snapshot may first answer with one from before the bench posted.
      let listed = 0;
      const waitUntil = performance.now() + 300_000;
      while (listed < alerts.length && performance.now() < waitUntil) {
        const response = await context.request.get("/api/alerts", { timeout: 120_000 });
        const text = await response.text();
        if (response.ok()) listed = z.object({ alerts: z.array(z.unknown()) }).parse(JSON.parse(text)).alerts.length;
        else step(`GET /api/alerts answered ${response.status()}: ${text.slice(0, 300)}`);
        if (listed < alerts.length) await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
      if (listed < alerts.length) throw new Error(`the console never listed the bench alerts (${listed} listed)`);
      const apiTimes: number[] = [];
      let body: Buffer = Buffer.alloc(0);
      let serverTiming = "";
      for (let run = 0; run < 3; run += 1) {
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const api = performance.now();
        const response = await context.request.get("/api/alerts", { timeout: 120_000 });
        body = await response.body();
        apiTimes.push(performance.now() - api);
        serverTiming = response.headers()["server-timing"] ?? "(none)";
      }
      const apiMs = median(apiTimes);
      step(`GET /api/alerts: ${apiTimes.map(Math.round).join(", ")} ms; Server-Timing of the last: ${serverTiming}`);

      // The "Shown" count reads "10,0xx in 5xx groups" once every bench alert is listed.
      const allShown = page.locator("dd", { hasText: /^\s*1\d{4}\s+in\s/ });
      const loads: number[] = [];
      const loadTimes: Array<{ document: number; requestStart: number; responseEnd: number; firstRow: number; lists: number }> = [];
      for (let run = 0; run < LOADS; run += 1) {
        step(`loading /alerts (run ${run + 1} of ${LOADS})`);
        const started = performance.now();
        try {
          await page.goto("/alerts?refresh=off", { timeout: 60_000 });
          await page.getByRole("listbox", { name: "Alerts" }).getByRole("option").first().waitFor({ timeout: 60_000 });
          const firstRow = await page.evaluate(() => performance.now());
          await allShown.first().waitFor({ timeout: 60_000 });
          loads.push(performance.now() - started);
          const timing = z
            .object({ document: z.number(), requestStart: z.number(), responseEnd: z.number(), lists: z.number() })
            .parse(
              await page.evaluate(`(() => {
                const navigation = performance.getEntriesByType("navigation")[0];
                const api = performance.getEntriesByType("resource").find((entry) => /\\/api\\/alerts(\\?|$)/.test(entry.name));
                const lists = performance.getEntriesByType("resource").filter((entry) => /\\/api\\/alerts$/.test(entry.name)).length;
                return { document: navigation ? navigation.responseEnd : -1, requestStart: api ? api.requestStart : -1, responseEnd: api ? api.responseEnd : -1, lists };
              })()`),
            );
          loadTimes.push({ ...timing, firstRow });
          // More than one plain GET /api/alerts per load means the page's preload was not reused.
          if (timing.lists !== 1) step(`run ${run + 1}: ${timing.lists} requests for /api/alerts (a preload not reused?)`);
        } catch (error) {
          // Under heavy load the old console could not list 10,000 alerts at all: say so, and go on.
          step(`run ${run + 1} did not show the alerts within 60 s: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
          loads.push(Number.NaN);
        }
      }
      const medianOf = (pick: (entry: (typeof loadTimes)[number]) => number) => median(loadTimes.map(pick).filter((value) => value >= 0));
      const interactive = await page.evaluate(() => {
        const [navigation] = performance.getEntriesByType("navigation");
        return navigation instanceof PerformanceNavigationTiming ? navigation.domInteractive : Number.NaN;
      });

      step("typing into the filter");
      const word = "BenchAlert421";
      // A string, not a function: tsx's helpers (__name) do not exist in the page.
      const keystrokes = z.array(z.number()).parse(
        await page.evaluate(`(async (text) => {
          const input = document.querySelector('input[type="search"]');
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
          input.focus();
          const times = [];
          for (let length = 1; length <= text.length; length += 1) {
            const started = performance.now();
            setter.call(input, text.slice(0, length));
            input.dispatchEvent(new Event("input", { bubbles: true }));
            await new Promise((resolve) => requestAnimationFrame(() => resolve()));
            times.push(performance.now() - started);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          return times;
        })(${JSON.stringify(word)})`),
      );
      const remaining = await page.getByRole("listbox", { name: "Alerts" }).getByRole("option").count();

      const metrics = await (await context.request.get("/metrics")).text();
      const rss = Number(/^process_resident_memory_bytes\s+(\S+)/m.exec(metrics)?.[1] ?? Number.NaN);
      const heap = Number(/^nodejs_heap_size_used_bytes\s+(\S+)/m.exec(metrics)?.[1] ?? Number.NaN);

      console.log(`\nAlert page with ${listed} alerts in ${ALERT_NAMES} groups (${os.cpus().length} cores, shared):\n`);
      console.log(`  GET /api/alerts                      ${Math.round(apiMs)} ms, ${(body.length / 1_048_576).toFixed(1)} MiB`);
      console.log(`  /alerts interactive (list + counts)  median ${Math.round(median(loads))} ms of ${loads.map((ms) => (Number.isNaN(ms) ? "timed out" : `${Math.round(ms)} ms`)).join(", ")} (goal < 1500 ms); DOM interactive ${Math.round(interactive)} ms`);
      console.log(`  filter keystroke applied             median ${median(keystrokes).toFixed(1)} ms, max ${Math.max(...keystrokes).toFixed(1)} ms over ${keystrokes.length} keystrokes (goal < 100 ms); ${remaining} rows drawn after "${word}"`);
      console.log(`  each keystroke, in order (ms)          ${keystrokes.map((ms) => ms.toFixed(0)).join(", ")}`);
      console.log(`  console memory                       RSS ${(rss / 1_048_576).toFixed(0)} MiB, JS heap used ${(heap / 1_048_576).toFixed(0)} MiB`);
      const figures: Figures = {
        label: option("--label") ?? (option("--compare") ? "after" : "before"),
        apiMs,
        apiMiB: body.length / 1_048_576,
        interactiveMs: median(loads),
        documentMs: medianOf((entry) => entry.document),
        firstRowMs: medianOf((entry) => entry.firstRow),
        apiRequestStartMs: medianOf((entry) => entry.requestStart),
        apiResponseEndMs: medianOf((entry) => entry.responseEnd),
        keystrokeMs: median(keystrokes),
        keystrokeMaxMs: Math.max(...keystrokes),
        rssMiB: rss / 1_048_576,
        heapMiB: heap / 1_048_576,
        loadsShown: loads.filter((ms) => !Number.isNaN(ms)).length,
      };
      console.log(`\n  Where the load goes (median of ${LOADS}, ms from navigation start; no alerts request: -1 is skipped):`);
      console.log(`    HTML document ${Math.round(figures.documentMs)}, alerts request sent ${Math.round(figures.apiRequestStartMs)}, answered ${Math.round(figures.apiResponseEndMs)}, first row ${Math.round(figures.firstRowMs)}`);
      const save = option("--save");
      if (save) writeFileSync(save, JSON.stringify(figures, null, 2));
      const compare = option("--compare");
      if (compare && existsSync(compare)) printComparison(figuresSchema.parse(JSON.parse(readFileSync(compare, "utf8"))), figures);
    } finally {
      await browser.close();
    }
  } finally {
    step("resolving the bench alerts and stopping");
    await postAll(bench.alertmanagers, alerts.map((alert) => ({ ...alert, endsAt: new Date().toISOString() }))).catch(() => undefined);
    await bench.stop();
  }
}

await main();
