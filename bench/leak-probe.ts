/**
 * Finds which of the load bench's routes keeps memory: for each route, the console's V8 heap
 * after a full GC (read through its inspector), before and after `requests` calls to that route
 * alone, with a pause between so timers (upstream timeouts) have fired. A route that leaks shows
 * growth proportional to its requests; one that does not shows noise of a few hundred KB.
 *
 *   npx tsx bench/leak-probe.ts [requests=2000] [concurrency=20] [route regex] [rounds=1]
 *
 * With several rounds, the heap after each: a leak grows by the same amount every round, a cache
 * or compiled code levels off. BENCH_HEAP_PROFILE=1: where the objects alive after the rounds
 * were allocated.
 */
import { benchStack } from "./bench-stack.ts";
import { inspectProcess, topAllocationSites } from "./inspector.ts";
import { printTable } from "./stats.ts";

const QUERY = encodeURIComponent("sum by (model) (rate(inferno_inference_requests_total[5m]))");

function routes(): Array<{ route: string; url: () => string }> {
  const range = () => {
    const end = Math.floor(Date.now() / 1000);
    return `&start=${end - 3600}&end=${end}&step=12`;
  };
  return [
    { route: "GET /api/prometheus/query_range", url: () => `/api/prometheus/query_range?query=${QUERY}${range()}` },
    { route: "GET /api/prometheus/query", url: () => `/api/prometheus/query?query=${QUERY}` },
    { route: "GET /api/alerts", url: () => "/api/alerts" },
    { route: "GET /api/silences", url: () => "/api/silences" },
    { route: "GET /api/health", url: () => "/api/health" },
    { route: "GET /api/dashboards", url: () => "/api/dashboards" },
    { route: "page /", url: () => "/" },
    { route: "page /alerts", url: () => "/alerts" },
    { route: "page /dashboards", url: () => "/dashboards" },
  ];
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 20);
  const only = process.argv[4];
  const rounds = Number(process.argv[5] ?? 1);
  const bench = await benchStack();
  try {
    if (bench.consolePid === undefined) throw new Error("the probe needs a console it started (no BENCH_CONSOLE_URL)");
    const inspector = await inspectProcess(bench.consolePid);
    const rows: Array<Array<string | number>> = [];
    for (const { route, url } of routes().filter((each) => !only || new RegExp(only).test(each.route))) {
      // Once, so the route's code is loaded and compiled before the first reading.
      for (let index = 0; index < 20; index += 1) await (await fetch(`${bench.consoleUrl}${url()}`, { headers: bench.headers })).arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const before = await inspector.memoryAfterGc();
      const profiling = process.env.BENCH_HEAP_PROFILE === "1";
      if (profiling) await inspector.send("HeapProfiler.startSampling", { samplingInterval: 16_384 });
      let after = before;
      let failed = 0;
      let seconds = 0;
      const heaps: string[] = [];
      for (let round = 0; round < rounds; round += 1) {
        let sent = 0;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (sent < requests) {
              sent += 1;
              const response = await fetch(`${bench.consoleUrl}${url()}`, { headers: bench.headers, redirect: "manual" });
              await response.arrayBuffer();
              if (response.status >= 400) failed += 1;
            }
          }),
        );
        seconds += (performance.now() - started) / 1000;
        // Longer than the upstream timeouts (10 s): what a pending timer holds is let go.
        await new Promise((resolve) => setTimeout(resolve, 11_000));
        after = await inspector.memoryAfterGc();
        heaps.push((after.heapUsed / 2 ** 20).toFixed(1));
        console.log(`  ${route} round ${round + 1}: heap after GC ${heaps.at(-1)} MB`);
      }
      if (profiling) {
        console.log(`  where the objects alive after the rounds were allocated (sampled):\n    ${topAllocationSites(await inspector.send("HeapProfiler.getSamplingProfile"), 20).join("\n    ")}`);
        await inspector.send("HeapProfiler.stopSampling");
      }
      const growth = after.heapUsed - before.heapUsed;
      const total = requests * rounds;
      rows.push([route, total, failed, (total / seconds).toFixed(0), (before.heapUsed / 2 ** 20).toFixed(1), heaps.join(", "), ((growth / total) * 1000 / 1024).toFixed(1)]);
      console.log(rows.at(-1)?.join("  "));
    }
    console.log("");
    printTable(["route", "requests", "failed", "req/s", "heap before MB", "heap after each round MB", "KB kept per 1000 requests"], rows);
    inspector.close();
  } finally {
    await bench.stop();
  }
}

await main();
