/**
 * Load: N concurrent users browsing dashboards and alerts for a while against a stack, each one
 * looping over what a person's browser asks for (pages, then the API calls those pages make),
 * with a short think time. Prints p50/p99 latency per route, the error count, and the console's
 * resident memory (its own process_resident_memory_bytes) after warm-up and at the end.
 * Appends the figures to bench/RESULTS.md with the machine and date.
 *
 *   npx tsx bench/load.ts [users=100] [seconds=300]
 */
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchStack } from "./bench-stack.ts";
import { printTable, quantile } from "./stats.ts";

interface Step {
  route: string;
  url: () => string;
}

const QUERIES = [
  'histogram_quantile(0.95, sum by (le, model) (rate(agent_ttft_ms_bucket[5m])))',
  "sum by (model) (rate(inferno_inference_requests_total[5m]))",
  "sum(inferno_queue_pending_requests)",
  "avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL)",
  "sum(rate(trm_fallback_total[5m])) / sum(rate(trm_inference_total[5m]))",
  'histogram_quantile(0.99, sum by (le, model_name) (rate(vllm:time_to_first_token_seconds_bucket[5m])))',
];

function range(hours: number, points = 300): string {
  const end = Math.floor(Date.now() / 1000);
  const start = end - hours * 3600;
  return `&start=${start}&end=${end}&step=${Math.max(1, Math.round((end - start) / points))}`;
}

/** What one person's browsing asks of the console, in order: a page, then the data it loads. */
const JOURNEYS: Step[][] = [
  [
    { route: "page /", url: () => "/" },
    { route: "GET /api/health", url: () => "/api/health" },
    { route: "GET /api/alerts", url: () => "/api/alerts" },
    ...QUERIES.slice(0, 3).map((query) => ({ route: "GET /api/prometheus/query_range", url: () => `/api/prometheus/query_range?query=${encodeURIComponent(query)}${range(1)}` })),
  ],
  [
    { route: "page /dashboards", url: () => "/dashboards" },
    { route: "GET /api/dashboards", url: () => "/api/dashboards" },
    ...QUERIES.map((query) => ({ route: "GET /api/prometheus/query_range", url: () => `/api/prometheus/query_range?query=${encodeURIComponent(query)}${range(6)}` })),
    ...QUERIES.slice(2, 4).map((query) => ({ route: "GET /api/prometheus/query", url: () => `/api/prometheus/query?query=${encodeURIComponent(query)}` })),
  ],
  [
    { route: "page /alerts", url: () => "/alerts" },
    { route: "GET /api/alerts", url: () => "/api/alerts" },
    { route: "GET /api/silences", url: () => "/api/silences" },
  ],
];

async function residentBytes(consoleUrl: string, headers: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${consoleUrl}/metrics`, { headers })).text();
  const line = text.split("\n").find((each) => each.startsWith("process_resident_memory_bytes "));
  return Number(line?.split(" ")[1] ?? NaN);
}

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 300);
  const bench = await benchStack();
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  const failures: string[] = [];
  let stopAt = 0;

  async function user(index: number): Promise<void> {
    let journey = index % JOURNEYS.length;
    while (Date.now() < stopAt) {
      for (const step of JOURNEYS[journey] ?? []) {
        const started = performance.now();
        let ok = false;
        try {
          const response = await fetch(`${bench.consoleUrl}${step.url()}`, { headers: bench.headers, redirect: "manual" });
          await response.arrayBuffer();
          ok = response.status < 400;
          if (!ok && failures.length < 10) failures.push(`${step.route}: ${response.status}`);
        } catch (error) {
          if (failures.length < 10) failures.push(`${step.route}: ${error instanceof Error ? error.message : String(error)}`);
        }
        const list = latencies.get(step.route) ?? [];
        list.push(performance.now() - started);
        latencies.set(step.route, list);
        if (!ok) errors.set(step.route, (errors.get(step.route) ?? 0) + 1);
        // A person reads before the next click; the browser fires a page's queries together, so no pause within a journey.
      }
      await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500));
      journey = (journey + 1) % JOURNEYS.length;
    }
  }

  try {
    // Warm-up: every route once, so first-compile and cold caches do not count.
    stopAt = Date.now() + 5_000;
    await Promise.all(Array.from({ length: 5 }, (_, index) => user(index)));
    latencies.clear();
    errors.clear();
    failures.length = 0;
    const memoryBefore = await residentBytes(bench.consoleUrl, bench.headers);
    console.log(`${users} users for ${seconds} s against ${bench.consoleUrl}...`);
    stopAt = Date.now() + seconds * 1000;
    await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
    const memoryAfter = await residentBytes(bench.consoleUrl, bench.headers);

    const rows = [...latencies].map(([route, samples]) => [
      route,
      samples.length,
      quantile(samples, 0.5).toFixed(1),
      quantile(samples, 0.99).toFixed(1),
      errors.get(route) ?? 0,
    ]);
    const total = [...latencies.values()].reduce((sum, samples) => sum + samples.length, 0);
    const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
    console.log("");
    printTable(["route", "requests", "p50 ms", "p99 ms", "errors"], rows);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const summary = [
      `requests ${total}, errors ${errorCount} (${((errorCount / Math.max(1, total)) * 100).toFixed(2)} %), ${(total / seconds).toFixed(1)} requests/s`,
      `console memory (RSS): ${mb(memoryBefore)} MB after warm-up, ${mb(memoryAfter)} MB at the end, growth ${mb(memoryAfter - memoryBefore)} MB (goal < 50 MB)`,
    ];
    console.log(`\n${summary.join("\n")}`);
    if (failures.length > 0) console.log(`first failures:\n  ${failures.join("\n  ")}`);

    const results = path.join(import.meta.dirname, "RESULTS.md");
    if (!existsSync(results)) writeFileSync(results, "# Benchmark results\n\nThe latest runs, newest last. Each names its machine and date.\n");
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    appendFileSync(
      results,
      [
        "",
        `## bench/load.ts: ${users} users, ${seconds} s (${new Date().toISOString().slice(0, 16)}Z, ${machine})`,
        "",
        "| route | requests | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|",
        ...rows.map((row) => `| ${row.join(" | ")} |`),
        "",
        ...summary.map((line) => `- ${line}`),
        "",
      ].join("\n"),
    );
  } finally {
    await bench.stop();
  }
}

await main();
