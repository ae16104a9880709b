/**
 * The SLO list with 100 SLOs over 30-day windows, two ways, side by side:
 *   batched:  the figures computed from the raw counters, 8 requests for the whole list
 *             (one per range, every SLO tagged with label_replace and joined with `or`);
 *   rules:    the figures read from the series `vigil slo rules` records, 1 request.
 * A private Prometheus is backfilled (promtool tsdb create-blocks-from openmetrics) with 30 days
 * and 1 hour of two counters per SLO (every minute over the last day, every 15 minutes before),
 * and with the recorded series over the last 2 hours as the rules would have written them.
 * Prints min / median / p95 / max of N timed runs after one warm-up, and checks both agree.
 *
 *   npx tsx bench/slo-list.ts [runs=10]
 */
import { startBackfilledPrometheus, type BackfillSeries } from "../lib/slo/backfill.ts";
import { fetchStatuses, fetchStatusesFromRules } from "../lib/slo/fetch.ts";
import type { SloDefinition } from "../lib/slo/model.ts";
import { eventQueries } from "../lib/slo/promql.ts";
import { httpInstantQuery } from "../lib/slo/prometheus-http.ts";
import { printTable, quantile } from "./stats.ts";

const RUNS = Number(process.argv[2] ?? 10);
const SLO_COUNT = 100;
const MINUTE = 60;
const DAY = 86_400;
const T = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE - 2 * MINUTE;
const START = T - 30 * DAY - 3600;

function sloAt(index: number): SloDefinition {
  const id = `bench-${String(index).padStart(3, "0")}`;
  return {
    id: `bench--${id}`,
    service: "bench",
    name: id,
    description: "",
    objective: 0.999,
    window: { kind: "rolling", days: 30 },
    sli: {
      kind: "ratio",
      errors: { metric: "bench_requests_total", matchers: `slo="${id}", code="500"` },
      total: { metric: "bench_requests_total", matchers: `slo="${id}"` },
    },
    labels: { team: "bench" },
    dashboards: [],
    alerting: { page: true, ticket: true, absent: false },
    source: { file: "bench", format: "vigil/v1" },
  };
}

const SLOS = Array.from({ length: SLO_COUNT }, (_, index) => sloAt(index));

/** Sample times: every 15 minutes, then every minute over the last day. */
function times(): number[] {
  const result: number[] = [];
  for (let t = START; t <= T; t += t < T - DAY ? 15 * MINUTE : MINUTE) result.push(t);
  return result;
}

/** Per SLO a different, steady failure share (0.01 % to 0.2 %), with a burst in the last 30 minutes for every 10th. */
function failedShare(index: number, t: number): number {
  const base = 0.0001 + (index % 20) * 0.0001;
  return index % 10 === 0 && t > T - 30 * MINUTE ? 0.05 : base;
}

function series(): BackfillSeries[] {
  const at = times();
  const result: BackfillSeries[] = [];
  SLOS.forEach((slo, index) => {
    const name = slo.name;
    let good = 0;
    let bad = 0;
    const goodSamples: Array<[number, number]> = [];
    const badSamples: Array<[number, number]> = [];
    let previous = at[0] ?? START;
    for (const t of at) {
      const requests = ((t - previous) / MINUTE) * 600;
      bad += requests * failedShare(index, t);
      good += requests * (1 - failedShare(index, t));
      previous = t;
      goodSamples.push([t, good]);
      badSamples.push([t, bad]);
    }
    result.push({ name: "bench_requests_total", labels: { slo: name, code: "200" }, samples: goodSamples });
    result.push({ name: "bench_requests_total", labels: { slo: name, code: "500" }, samples: badSamples });
  });
  return result;
}

/** What the recording rules would have written over the last 2 hours (the same formulas, evaluated here). */
async function recordedSeries(query: ReturnType<typeof httpInstantQuery>): Promise<BackfillSeries[]> {
  const result: BackfillSeries[] = [];
  for (const slo of SLOS) {
    const identity = { slo_id: slo.id, slo_service: slo.service, slo_name: slo.name };
    const value = async (expr: string) => (await query(expr, new Date(T * 1000)))[0]?.value ?? Number.NaN;
    const recent = Array.from({ length: 120 }, (_, step) => T - (119 - step) * MINUTE);
    for (const window of ["5m", "30m", "1h", "2h", "6h", "1d", "3d"]) {
      const queries = eventQueries(slo, window);
      if (queries.kind !== "counts") continue;
      const ratio = await value(`${queries.bad} / ${queries.total}`);
      result.push({ name: `slo:error_ratio:rate${window}`, labels: identity, samples: recent.map((t) => [t, ratio]) });
    }
    const window = eventQueries(slo, "30d");
    if (window.kind === "counts") {
      const bad = await value(window.bad);
      const total = await value(window.total);
      result.push({ name: "slo:events_bad:window", labels: { ...identity, slo_window: "30d" }, samples: recent.map((t) => [t, bad]) });
      result.push({ name: "slo:events_total:window", labels: { ...identity, slo_window: "30d" }, samples: recent.map((t) => [t, total]) });
    }
  }
  return result;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { ms: performance.now() - started, result };
}

async function main(): Promise<void> {
  const raw = series();
  console.log(`Backfilling ${raw.length} counter series (${raw.reduce((sum, entry) => sum + entry.samples.length, 0).toLocaleString("en-US")} samples)...`);
  const first = await startBackfilledPrometheus(raw, { retention: "40d" });
  let recorded: BackfillSeries[];
  try {
    console.log("Computing what the recording rules would record...");
    recorded = await recordedSeries(httpInstantQuery(first.url, 120_000));
  } finally {
    await first.stop();
  }
  console.log(`Backfilling the counters and ${recorded.length} recorded series together...`);
  const prometheus = await startBackfilledPrometheus([...raw, ...recorded], { retention: "40d" });
  try {
    const query = httpInstantQuery(prometheus.url, 120_000);
    const now = new Date(T * 1000);
    const modes = {
      "batched queries (8 requests)": () => fetchStatuses(SLOS, query, { now }),
      "batched, 10 SLOs a request (80, 8 at once)": () => fetchStatuses(SLOS, query, { now }, { chunkSize: 10 }),
      "batched, 25 SLOs a request (32, 4 at once)": () => fetchStatuses(SLOS, query, { now }, { chunkSize: 25, concurrency: 4 }),
      "recording rules (1 request)": () => fetchStatusesFromRules(SLOS, query, { now }),
    };
    const rows: Array<Array<string | number>> = [];
    const answers: Record<string, Awaited<ReturnType<typeof fetchStatuses>>> = {};
    for (const [label, run] of Object.entries(modes)) {
      await run();
      const samples: number[] = [];
      for (let index = 0; index < RUNS; index += 1) {
        const { ms, result } = await time(run);
        samples.push(ms);
        answers[label] = result;
      }
      rows.push([label, SLO_COUNT, quantile(samples, 0).toFixed(0), quantile(samples, 0.5).toFixed(0), quantile(samples, 0.95).toFixed(0), quantile(samples, 1).toFixed(0)]);
    }
    console.log(`\nSLO list, ${SLO_COUNT} SLOs over 30-day windows, ${RUNS} runs each (ms):\n`);
    printTable(["mode", "SLOs", "min", "median", "p95", "max"], rows);
    const batched = Object.values(answers)[0];
    const rules = answers["recording rules (1 request)"];
    const worst = (batched ?? []).reduce((max, status, index) => {
      const other = rules?.[index];
      if (status.errorBudgetRemaining === null || other?.errorBudgetRemaining === null || other === undefined) return max;
      return Math.max(max, Math.abs(status.errorBudgetRemaining - other.errorBudgetRemaining));
    }, 0);
    const paging = (batched ?? []).filter((status) => status.alerts.page).length;
    console.log(`\nBoth modes agree on remaining budget to ${(worst * 100).toFixed(3)} % of budget; ${paging} SLOs page (every 10th has a burst).`);
  } finally {
    await prometheus.stop();
  }
}

await main();
