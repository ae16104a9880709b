/**
 * The targets page with 2,000 scrape targets (goal: under 1 s to a usable list): a private
 * Prometheus scrapes 2,000 tiny targets (40 of them failing), a production console reads it, and
 * headless Chromium times page loads until the list shows all 2,000, then a filter down to one.
 *
 *   npx tsx bench/targets.ts [runs=5]
 */
import { expect } from "@playwright/test";
import { startBenchConsole, timePageLoads } from "../lib/monitoring/bench-harness.ts";
import { serveExpositions, startPrivatePrometheus } from "../lib/monitoring/private-services.ts";
import { mean, printTable, quantile } from "./stats.ts";

const TARGETS = 2000;
const JOBS = 20;
const FAILING_EVERY = 50;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const body = Buffer.from("# TYPE bench_value gauge\nbench_value 1\n");
  const exposition = await serveExpositions((name) => {
    const index = Number(/^t-(\d+)$/.exec(name)?.[1] ?? -1);
    return index >= 0 && index % FAILING_EVERY !== 0 ? body : undefined;
  });
  const perJob = TARGETS / JOBS;
  console.log(`Starting a Prometheus with ${TARGETS} targets in ${JOBS} jobs...`);
  const prometheus = await startPrivatePrometheus({
    scrapeInterval: "15s",
    scrapeTimeout: "5s",
    targetGroups: Array.from({ length: JOBS }, (_, job) => ({
      job: `bench-${job}`,
      groups: Array.from({ length: perJob }, (_, slot) => {
        const index = job * perJob + slot;
        return { targets: [exposition.address], labels: { __metrics_path__: `/metrics/t-${index}`, instance: `t-${index}`, zone: `zone-${index % 3}` } };
      }),
    })),
  });
  let bench: Awaited<ReturnType<typeof startBenchConsole>> | undefined;
  try {
    // Wait until every target has been scraped once.
    for (;;) {
      const response = await fetch(`${prometheus.url}/api/v1/targets?state=active`);
      const json: unknown = await response.json();
      const text = JSON.stringify(json);
      const unknown = (text.match(/"health":"unknown"/g) ?? []).length;
      const total = (text.match(/"scrapePool"/g) ?? []).length;
      if (total >= TARGETS + 1 && unknown === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    console.log("Every target scraped; starting the console...");
    bench = await startBenchConsole(prometheus.url);
    const { page } = bench;
    const shown = `${TARGETS + 1} of ${TARGETS + 1} targets`;

    const apiTimes: number[] = [];
    for (let run = 0; run <= runs; run += 1) {
      const started = performance.now();
      const response = await page.request.get("/api/monitoring/targets");
      await response.body();
      if (run > 0) apiTimes.push(performance.now() - started);
    }
    const loads = await timePageLoads(
      page,
      "/monitoring/targets?refresh=off",
      async (current) => {
        await expect(current.getByText(shown)).toBeVisible({ timeout: 30_000 });
        await expect(current.getByRole("listitem", { name: "job bench-0" })).toBeVisible();
      },
      runs,
    );
    // The same navigation to the page's heading only (server render, before any data): the floor under the figure above.
    const shells = await timePageLoads(
      page,
      "/monitoring/targets?refresh=off",
      async (current) => {
        await expect(current.getByRole("heading", { name: "Scrape targets", level: 1 })).toBeVisible();
      },
      runs,
    );
    await page.goto("/monitoring/targets?refresh=off");
    await expect(page.getByText(shown)).toBeVisible({ timeout: 30_000 });
    const rendered = await page.getByRole("list", { name: "Targets by job" }).getByRole("listitem").count();
    const filters: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.goto("/monitoring/targets?refresh=off");
      await expect(page.getByText(shown)).toBeVisible({ timeout: 30_000 });
      const started = performance.now();
      await page.getByRole("searchbox", { name: "Filter" }).fill("t-1999");
      await expect(page.getByText(`1 of ${TARGETS + 1} targets`)).toBeVisible();
      filters.push(performance.now() - started);
    }

    console.log(`\nTargets page, ${TARGETS + 1} targets (${TARGETS / FAILING_EVERY} down), ${runs} runs after one warm-up:`);
    const row = (name: string, samples: number[]) => [name, mean(samples).toFixed(0), quantile(samples, 0.5).toFixed(0), quantile(samples, 0.9).toFixed(0), Math.max(...samples).toFixed(0)];
    printTable(["measure (ms)", "mean", "p50", "p90", "max"], [
      row("GET /api/monitoring/targets", apiTimes),
      row("page load to full list", loads),
      row("page load to heading only", shells),
      row("filter to one target", filters),
    ]);
    console.log(`Rows in the DOM with all ${TARGETS + 1} targets listed: ${rendered} (virtualized). Goal: page load under 1000 ms.`);
  } finally {
    await bench?.stop();
    await prometheus.stop();
    await exposition.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
