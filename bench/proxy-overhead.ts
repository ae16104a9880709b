/**
 * The console's query endpoints against Prometheus directly: the same queries, interleaved one
 * by one (alternating which goes first), N requests each, for two workloads: light instant
 * queries (Prometheus answers in about a millisecond, so fixed per-request costs dominate) and
 * dashboard-like range queries over the last hour. Prints p50/p90/p99 and the ratios. Starts
 * its own stack unless BENCH_CONSOLE_URL, BENCH_PROMETHEUS_URL and BENCH_DATABASE_URL are set.
 *
 *   npx tsx bench/proxy-overhead.ts [requests=2000]
 */
import { benchStack } from "./bench-stack.ts";
import { mean, printTable, quantile } from "./stats.ts";

const QUERIES = [
  "up",
  "sum by (job) (rate(http_requests_total[2m]))",
  'histogram_quantile(0.95, sum by (le) (rate(agent_ttft_ms_bucket[5m])))',
  "sum(rate(trm_fallback_total[5m])) / sum(rate(trm_inference_total[5m]))",
  "sum by (model) (rate(inferno_inference_requests_total[5m]))",
  "avg by (Hostname) (DCGM_FI_DEV_GPU_UTIL)",
  "sum(inferno_queue_pending_requests)",
  'histogram_quantile(0.99, sum by (le, model_name) (rate(vllm:time_to_first_token_seconds_bucket[5m])))',
];

let headers: Record<string, string> = {};

async function timeOne(url: string): Promise<number> {
  const started = performance.now();
  // The console needs the bench's API token; Prometheus ignores the header.
  const response = await fetch(url, { headers });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${body.slice(0, 200)}`);
  return elapsed;
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 2000);
  const bench = await benchStack();
  const { consoleUrl, prometheusUrl } = bench;
  const cleanup = bench.stop;
  headers = bench.headers;
  try {
    const end = Math.floor(Date.now() / 1000);
    const range = `&start=${end - 3600}&end=${end}&step=15`;
    const workloads = [
      { name: "instant", direct: "/api/v1/query?query=", proxied: "/api/prometheus/query?query=", suffix: "" },
      { name: "range 1h/15s", direct: "/api/v1/query_range?query=", proxied: "/api/prometheus/query_range?query=", suffix: range },
    ];
    for (const workload of workloads) {
      const direct: number[] = [];
      const proxied: number[] = [];
      const urlsFor = (index: number) => {
        const query = encodeURIComponent(QUERIES[index % QUERIES.length] ?? "up");
        return {
          direct: `${prometheusUrl}${workload.direct}${query}${workload.suffix}`,
          proxied: `${consoleUrl}${workload.proxied}${query}${workload.suffix}`,
        };
      };
      for (let index = 0; index < 100; index += 1) {
        const urls = urlsFor(index);
        await timeOne(urls.direct);
        await timeOne(urls.proxied);
      }
      for (let index = 0; index < requests; index += 1) {
        const urls = urlsFor(index);
        // Alternate which goes first so neither side always gets the warmer connection or cache.
        if (index % 2 === 0) {
          direct.push(await timeOne(urls.direct));
          proxied.push(await timeOne(urls.proxied));
        } else {
          proxied.push(await timeOne(urls.proxied));
          direct.push(await timeOne(urls.direct));
        }
      }
      const row = (name: string, samples: number[]) => [
        name,
        quantile(samples, 0.5).toFixed(2),
        quantile(samples, 0.9).toFixed(2),
        quantile(samples, 0.99).toFixed(2),
        mean(samples).toFixed(2),
      ];
      console.log(`\n${workload.name}: ${requests} requests each, ${QUERIES.length} queries cycled, interleaved, one at a time (ms)\n`);
      printTable(["", "p50", "p90", "p99", "mean"], [row("prometheus", direct), row("console", proxied)]);
      const ratio = (q: number) => (quantile(proxied, q) / quantile(direct, q)).toFixed(2);
      const added = (quantile(proxied, 0.5) - quantile(direct, 0.5)).toFixed(2);
      console.log(`ratio console/prometheus: p50 ${ratio(0.5)}x, p99 ${ratio(0.99)}x; ${added} ms added at p50 (goal: p50 <= 1.15x)`);
    }

    // Where the console's fixed cost goes: a request that reaches a route handler and does no work
    // (anonymous GET /api/auth/me answers 401 before any lookup), then the same with the credential
    // looked up in Postgres. The rest of the proxied query's cost is validation, the hop and the answer.
    const floor = async (withCredential: boolean) => {
      const samples: number[] = [];
      for (let index = 0; index < Math.min(requests, 1000); index += 1) {
        const started = performance.now();
        const response = await fetch(`${consoleUrl}/api/auth/me`, withCredential ? { headers } : {});
        await response.text();
        samples.push(performance.now() - started);
        if (response.status !== (withCredential ? 200 : 401)) throw new Error(`GET /api/auth/me answered ${response.status}`);
      }
      return samples;
    };
    const anonymous = await floor(false);
    const authenticated = await floor(true);
    const floorRow = (name: string, samples: number[]) => [name, quantile(samples, 0.5).toFixed(2), quantile(samples, 0.99).toFixed(2)];
    console.log("\nthe console's fixed cost per request (ms)\n");
    printTable(["", "p50", "p99"], [floorRow("GET /api/auth/me anonymous (401: routing, proxy.ts, handler)", anonymous), floorRow("GET /api/auth/me with the API token (+ lookup in Postgres)", authenticated)]);
  } finally {
    await cleanup();
  }
}

await main();
