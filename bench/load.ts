/**
 * Load: N concurrent users browsing dashboards and alerts for a while against a stack, each one
 * looping over what a person's browser asks for (pages, then the API calls those pages make),
 * with a short think time. Prints p50/p99 latency per route, the error count, and the console's
 * memory growth over the run, measured three ways (see MEMORY below). Appends the figures to
 * bench/RESULTS.md with the machine and date.
 *
 *   npx tsx bench/load.ts [users=100] [seconds=300] [settle=60] [warmup=60]   (BENCH_RESULTS=0: do not append)
 *
 * WARM-UP. The same load runs for `warmup` seconds first, unmeasured: an idle console that has
 * served nothing has not yet loaded its route modules, compiled its hot code (JavaScript and the
 * WASM of Prisma's query compiler) or grown its allocator's pools to this concurrency, a one-off
 * cost that does not grow with the run's length. Growth "over the run" is counted from the end of
 * the warm-up; the growth from the idle console is printed beside it.
 *
 * MEMORY. The goal ("memory growth under 50 MB over the run") is about memory the console keeps,
 * not memory it has not given back yet. So, when this bench started the console (it knows its
 * pid), it opens the console's inspector (SIGUSR1, port 9229) and reads process.memoryUsage()
 * after a full garbage collection, from outside, with no debug route in the app:
 *   - retained heap: V8 heap used after GC, after warm-up vs at the end (and after the settle
 *     period). Growth here is live objects: a leak or a cache that grows.
 *   - RSS at the end: what the OS sees right after the load, including garbage not yet
 *     collected, heap pages V8 keeps for the next burst, malloc arenas (HTTP buffers, zlib).
 *   - RSS after settle: the same after `settle` seconds without load and a GC; what the process
 *     still holds once idle.
 * Every 15 s it also samples the console's own /metrics (process_resident_memory_bytes,
 * nodejs_heap_size_used_bytes, no GC) and prints the series. BENCH_HEAP_PROFILE=1 also samples
 * allocations during the run and prints where the objects still alive at the end were allocated.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchStack } from "./bench-stack.ts";
import { inspectProcess, topAllocationSites, type Inspector, type MemoryUsage } from "./inspector.ts";
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

/** What RSS is made of at three points: V8's heap (committed, used), memory outside it, the rest (code, stacks, malloc). */
function composition(...points: MemoryUsage[]): string {
  const parts: Array<[string, (usage: MemoryUsage) => number]> = [
    ["rss", (usage) => usage.rss],
    ["heap committed", (usage) => usage.heapTotal],
    ["heap used", (usage) => usage.heapUsed],
    ["external", (usage) => usage.external],
    ["array buffers", (usage) => usage.arrayBuffers],
    ["rss outside the heap", (usage) => usage.rss - usage.heapTotal - usage.external],
  ];
  return parts.map(([name, pick]) => `${name} ${points.map((point) => mb(pick(point))).join(" / ")}`).join("; ");
}

interface MetricsMemory {
  rss: number;
  heapUsed: number;
}

/** The console's own view of its memory (prom-client's default metrics), without any GC. */
async function metricsMemory(consoleUrl: string, headers: Record<string, string>): Promise<MetricsMemory> {
  const text = await (await fetch(`${consoleUrl}/metrics`, { headers })).text();
  const value = (name: string) => Number(text.split("\n").find((each) => each.startsWith(`${name} `))?.split(" ")[1] ?? NaN);
  return { rss: value("process_resident_memory_bytes"), heapUsed: value("nodejs_heap_size_used_bytes") };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const signedMb = (bytes: number) => `${bytes >= 0 ? "+" : ""}${mb(bytes)}`;

async function main(): Promise<void> {
  const users = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 300);
  const settleSeconds = Number(process.argv[4] ?? 60);
  const warmupSeconds = Number(process.argv[5] ?? 60);
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
    let inspector: Inspector | undefined;
    if (bench.consolePid !== undefined) {
      inspector = await inspectProcess(bench.consolePid).catch((error: unknown) => {
        console.log(`No heap figures this run: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
    }
    const gcIdle: MemoryUsage | undefined = await inspector?.memoryAfterGc();
    // Warm-up (see WARM-UP above): the same load, unmeasured.
    console.log(`Warming up: ${users} users for ${warmupSeconds} s, not measured...`);
    stopAt = Date.now() + warmupSeconds * 1000;
    await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
    latencies.clear();
    errors.clear();
    failures.length = 0;

    const gcBefore: MemoryUsage | undefined = await inspector?.memoryAfterGc();
    if (inspector && process.env.BENCH_HEAP_PROFILE === "1") await inspector.send("HeapProfiler.startSampling", { samplingInterval: 32_768 });
    const before = await metricsMemory(bench.consoleUrl, bench.headers);
    const samples: Array<{ at: number; memory: MetricsMemory }> = [{ at: 0, memory: before }];
    // The machine may be shared: its load says how much the latencies owe to others.
    const loadAtStart = os.loadavg().map((load) => load.toFixed(1)).join(" ");
    console.log(`${users} users for ${seconds} s against ${bench.consoleUrl} (load average ${loadAtStart})...`);
    const startedAt = Date.now();
    stopAt = startedAt + seconds * 1000;
    const sampler = setInterval(() => {
      void metricsMemory(bench.consoleUrl, bench.headers)
        .then((memory) => samples.push({ at: Math.round((Date.now() - startedAt) / 1000), memory }))
        .catch(() => undefined);
    }, 15_000);
    await Promise.all(Array.from({ length: users }, (_, index) => user(index)));
    clearInterval(sampler);
    const atEnd = await metricsMemory(bench.consoleUrl, bench.headers);
    samples.push({ at: Math.round((Date.now() - startedAt) / 1000), memory: atEnd });
    const gcEnd: MemoryUsage | undefined = await inspector?.memoryAfterGc();
    const heapProfile = inspector && process.env.BENCH_HEAP_PROFILE === "1" ? await inspector.send("HeapProfiler.getSamplingProfile") : undefined;
    if (inspector && heapProfile) await inspector.send("HeapProfiler.stopSampling");
    console.log(`Settling for ${settleSeconds} s without load...`);
    await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
    const gcSettled: MemoryUsage | undefined = await inspector?.memoryAfterGc();
    const settled = await metricsMemory(bench.consoleUrl, bench.headers);
    inspector?.close();

    const baseRss = gcBefore?.rss ?? before.rss;
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
    console.log(`\nconsole memory every 15 s from /metrics (no GC), MB: ${samples.map(({ at, memory }) => `${at}s rss ${mb(memory.rss)} heap ${mb(memory.heapUsed)}`).join(" | ")}`);
    const summary = [
      `requests ${total}, errors ${errorCount} (${((errorCount / Math.max(1, total)) * 100).toFixed(2)} %), ${(total / seconds).toFixed(1)} requests/s`,
      gcBefore && gcEnd && gcSettled
        ? `console retained heap (V8 heap used after a full GC): ${mb(gcBefore.heapUsed)} MB after warm-up, ${mb(gcEnd.heapUsed)} MB at the end (${signedMb(gcEnd.heapUsed - gcBefore.heapUsed)} MB), ${mb(gcSettled.heapUsed)} MB after ${settleSeconds} s idle (${signedMb(gcSettled.heapUsed - gcBefore.heapUsed)} MB) (goal: growth < 50 MB)`
        : "console retained heap: not measured (the bench did not start the console, or its inspector could not be opened)",
      `console RSS: ${mb(baseRss)} MB after warm-up${gcBefore ? " and a GC" : ""}, ${mb(atEnd.rss)} MB at the end, before any GC (${signedMb(atEnd.rss - baseRss)} MB), ${mb(gcSettled?.rss ?? settled.rss)} MB after ${settleSeconds} s idle${gcSettled ? " and a GC" : ""} (${signedMb((gcSettled?.rss ?? settled.rss) - baseRss)} MB)`,
      `console heap used without GC (/metrics): ${mb(before.heapUsed)} MB after warm-up, ${mb(atEnd.heapUsed)} MB at the end`,
      ...(gcIdle && gcBefore && gcEnd && gcSettled
        ? [
            `console memory after a full GC (process.memoryUsage(), MB), idle before warm-up / after warm-up / end / settled: ${composition(gcIdle, gcBefore, gcEnd, gcSettled)}`,
            `from the idle console (warm-up included): retained heap ${signedMb(gcSettled.heapUsed - gcIdle.heapUsed)} MB, RSS ${signedMb(gcSettled.rss - gcIdle.rss)} MB after settling`,
          ]
        : []),
    ];
    console.log(`\n${summary.join("\n")}`);
    if (failures.length > 0) console.log(`first failures:\n  ${failures.join("\n  ")}`);
    if (errorCount > 0 && bench.consoleLog && existsSync(bench.consoleLog)) {
      // What the console said about them, before stop() deletes its log.
      const lines = readFileSync(bench.consoleLog, "utf8").split("\n");
      const said = lines.flatMap((line, index) => (/Unhandled error|Error:/.test(line) ? [lines.slice(index, index + 3).join(" / ").slice(0, 300)] : []));
      console.log(`the console's log about errors (${said.length} lines, first 10):\n  ${said.slice(0, 10).join("\n  ")}`);
    }
    if (heapProfile) console.log(`\nwhere the objects alive at the end were allocated (sampled):\n  ${topAllocationSites(heapProfile, 25).join("\n  ")}`);

    // BENCH_RESULTS=0: a trial run, printed only.
    if (process.env.BENCH_RESULTS === "0") return;
    const results = path.join(import.meta.dirname, "RESULTS.md");
    if (!existsSync(results)) writeFileSync(results, "# Benchmark results\n\nThe latest runs, newest last. Each names its machine and date.\n");
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    appendFileSync(
      results,
      [
        "",
        `## bench/load.ts: ${users} users, ${seconds} s (${new Date().toISOString().slice(0, 16)}Z, ${machine}, load average ${loadAtStart} at the start)`,
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
