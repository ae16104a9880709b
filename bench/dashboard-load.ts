/**
 * A 24-panel dashboard over 6 h against the test stack, in headless Chromium: from navigation
 * to every panel drawn (no panel still loading), median of 5 cold page loads (goal: under 1.5 s);
 * then one refresh, counting the query requests the browser sent, the requests that reached
 * Prometheus (its own prometheus_http_requests_total), and the distinct queries of the dashboard.
 * Starts its own stack (console production build) unless BENCH_CONSOLE_URL, BENCH_PROMETHEUS_URL
 * and BENCH_PASSWORD are set.
 *
 *   npx tsx bench/dashboard-load.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { z } from "zod";
import { startStack } from "../stack/stack.ts";
import { printTable, quantile } from "./stats.ts";

const R = "[$__rate_interval]";
/** 20 distinct queries over 24 panels: four panels repeat a query another panel already asks. */
const QUERIES: Array<[type: string, expr: string, legend?: string]> = [
  ["timeseries", `sum by (job) (rate(http_requests_total${R}))`, "{{job}}"],
  ["timeseries", `histogram_quantile(0.95, sum by (le, model) (rate(agent_ttft_ms_bucket${R})))`, "{{model}}"],
  ["timeseries", `sum by (model) (agent_tokens_out_per_s)`, "{{model}}"],
  ["timeseries", `sum by (tenant) (agent_active_sessions)`, "{{tenant}}"],
  ["timeseries", `sum by (route) (agent_queue_depth)`, "{{route}}"],
  ["timeseries", `sum by (endpoint) (rate(inferno_http_requests_total${R}))`, "{{endpoint}}"],
  ["timeseries", `histogram_quantile(0.95, sum by (le) (rate(inferno_http_request_duration_seconds_bucket${R})))`, "p95"],
  ["timeseries", `sum by (model) (rate(inferno_inference_requests_total${R}))`, "{{model}}"],
  ["timeseries", `sum by (method, status) (rate(trm_inference_total${R}))`, "{{method}} {{status}}"],
  ["timeseries", `sum by (reason) (rate(trm_fallback_total${R}))`, "{{reason}}"],
  ["timeseries", `sum by (status) (rate(rq_jobs_total${R}))`, "{{status}}"],
  ["timeseries", `sum by (queue) (rq_queue_length)`, "{{queue}}"],
  ["timeseries", `DCGM_FI_DEV_GPU_UTIL`, "{{Hostname}} gpu{{gpu}}"],
  ["timeseries", `sum by (Hostname) (DCGM_FI_DEV_POWER_USAGE)`, "{{Hostname}}"],
  ["timeseries", `sum by (model_name) (vllm:num_requests_running)`, "{{model_name}}"],
  ["heatmap", `sum by (le) (rate(agent_ttft_ms_bucket${R}))`, "{{le}}"],
  ["stat", `sum(agent_active_sessions)`],
  ["stat", `sum(inferno_models_loaded)`],
  ["stat", `avg(DCGM_FI_DEV_GPU_UTIL)`],
  ["stat", `sum(rate(trm_inference_total${R}))`],
];

function benchDashboard(uid: string) {
  const panels = [...QUERIES, QUERIES[0], QUERIES[1], QUERIES[16], QUERIES[17]].map((query, index) => {
    const [type, expr, legendFormat] = query ?? ["stat", "up"];
    const small = type === "stat";
    return {
      id: `p${index + 1}`,
      type,
      title: `Panel ${index + 1}`,
      gridPos: { x: small ? (index % 4) * 6 : (index % 2) * 12, y: index * 8, w: small ? 6 : 12, h: small ? 4 : 8 },
      targets: [{ refId: "A", expr, ...(legendFormat ? { legendFormat } : {}) }],
    };
  });
  return { uid, title: "Bench: 24 panels", tags: ["bench"], time: { from: "now-6h", to: "now" }, panels };
}

/**
 * Query requests Prometheus has served, read live from its own /metrics (a PromQL query would
 * see only the last self-scrape, and would count itself).
 */
async function prometheusQueryCount(prometheusUrl: string): Promise<number> {
  const text = z.string().parse(await (await fetch(`${prometheusUrl}/metrics`)).text());
  let total = 0;
  for (const line of text.split("\n")) {
    if (/^prometheus_http_requests_total\{.*handler="\/api\/v1\/query(_range)?"/.test(line)) total += Number(line.split(" ").pop() ?? 0);
  }
  return total;
}

async function allPanelsDrawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const panels = [...document.querySelectorAll("section[data-panel-id]")];
      return panels.length === expected && panels.every((panel) => !panel.querySelector('[role="status"]') && (panel.querySelector("canvas, [data-testid='stat-value'], table, [role='alert']") !== null || panel.textContent?.includes("No data")));
    },
    count,
    { timeout: 60_000, polling: "raf" },
  );
}

async function main(): Promise<void> {
  let consoleUrl = process.env.BENCH_CONSOLE_URL;
  let prometheusUrl = process.env.BENCH_PROMETHEUS_URL;
  let password = process.env.BENCH_PASSWORD;
  let cleanup = async () => undefined as void;
  if (!consoleUrl || !prometheusUrl || !password) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
    console.log("Starting a stack (console production build)...");
    const stack = await startStack({ root: path.resolve(import.meta.dirname, ".."), dataDir, profile: "test", withConsole: true, log: () => undefined });
    consoleUrl = stack.urls.console ?? "";
    prometheusUrl = stack.urls.prometheus;
    password = stack.demoPassword;
    cleanup = async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const uid = `bench-${Date.now()}`;
  let context: BrowserContext | undefined;
  try {
    context = await browser.newContext({ baseURL: consoleUrl, viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("admin@vigil.local");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    const created = await context.request.post("/api/dashboards", { headers: { origin: consoleUrl }, data: { dashboard: benchDashboard(uid) } });
    if (created.status() !== 201) throw new Error(`creating the bench dashboard: ${created.status()} ${await created.text()}`);

    // Warm the server (first render of the route compiles nothing in production, but fills caches).
    await page.goto(`/dashboards/${uid}`);
    await allPanelsDrawn(page, 24);

    const loads: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const fresh = await context.newPage();
      const started = Date.now();
      await fresh.goto(`/dashboards/${uid}?from=now-6h&to=now&refresh=off`);
      await allPanelsDrawn(fresh, 24);
      loads.push(Date.now() - started);
      await fresh.close();
    }

    // One refresh: what the browser sends and what reaches Prometheus.
    const view = await context.newPage();
    await view.goto(`/dashboards/${uid}?from=now-6h&to=now&refresh=off`);
    await allPanelsDrawn(view, 24);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sent: string[] = [];
    view.on("request", (request) => {
      if (/\/api\/prometheus\/query(_range)?\?/.test(request.url())) sent.push(request.url());
    });
    const before = await prometheusQueryCount(prometheusUrl);
    const answered: string[] = [];
    view.on("requestfinished", (request) => {
      if (/\/api\/prometheus\/query(_range)?\?/.test(request.url())) answered.push(request.url());
    });
    await view.getByRole("button", { name: "Refresh now" }).click();
    // Wait until the refresh's requests have all been answered and nothing more is sent for 2 s.
    for (let quiet = 0; quiet < 20; ) {
      const seen = sent.length;
      await new Promise((resolve) => setTimeout(resolve, 100));
      quiet = seen > 0 && sent.length === seen && answered.length === sent.length ? quiet + 1 : 0;
    }
    const after = await prometheusQueryCount(prometheusUrl);
    const upstream = after - before;
    const distinct = new Set(sent.map((url) => new URL(url).searchParams.get("query"))).size;

    console.log("24-panel dashboard (20 distinct queries), last 6 hours, headless Chromium, 1600x1000:");
    printTable(
      ["measure", "value"],
      [
        ["navigation to every panel drawn, median of 5", `${quantile(loads, 0.5).toFixed(0)} ms (runs: ${loads.join(", ")} ms)`],
        ["query requests the browser sent per refresh", sent.length],
        ["requests that reached Prometheus per refresh", upstream],
        ["distinct queries in the dashboard", distinct],
      ],
    );
    console.log(`Goal: under 1.5 s -> ${quantile(loads, 0.5) < 1500 ? "met" : "NOT met"}; requests per refresh = distinct queries -> ${upstream === distinct && sent.length === distinct ? "yes" : "no"}`);
  } finally {
    await context?.request.delete(`/api/dashboards/${uid}`, { headers: { origin: consoleUrl } }).catch(() => undefined);
    await browser.close();
    await cleanup();
  }
}

await main();
