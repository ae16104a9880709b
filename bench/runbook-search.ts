/**
 * Runbooks at scale. (1) Full-text search: 10,000 runbooks (bodies drawn from the shipped ones,
 * so words and lengths are realistic) inserted into a private database, then searchRunbooks()
 * (the function behind GET /api/runbooks) timed over a mix of searches, filters and plain listing:
 * p50/p95/p99 per kind (goal: p95 < 50 ms). (2) Opening a runbook with three live ```promql
 * blocks in headless Chromium, from navigation until all three charts have drawn or said "no
 * data" (goal: < 1 s).
 *
 *   node --conditions=react-server --import tsx bench/runbook-search.ts [searches=300] [opens=15]
 *
 * searches=0 skips the search and measures only the opening of a runbook.
 *
 * Starts its own stack (Postgres, Prometheus, Alertmanagers, exporter, the console's production
 * build) unless BENCH_DATABASE_URL (a server where it may CREATE DATABASE) is set; with it alone,
 * only the search is measured; with BENCH_CONSOLE_URL and BENCH_PASSWORD (the demo users'
 * password) too, both.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { chromium } from "playwright-core";
import { z } from "zod";
import { readRunbookDirectory } from "../lib/runbooks/files.ts";
import { applyMigrations } from "../lib/migrations.ts";
import { startStack } from "../stack/stack.ts";
import { mean, printTable, quantile } from "./stats.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNBOOKS = 10_000;
const TEAMS = ["ml-platform", "sre", "agent-platform", "gpu-platform", "research", "finops", "observability", "data", "search", "payments"];
const EXTRA_TAGS = ["tier-1", "tier-2", "eu", "us", "batch", "online", "legacy", "beta", "k8s", "bare-metal"];
const SERVICES = ["checkout", "ranking", "embeddings", "chat", "vision", "speech", "ingest", "billing", "feature-store", "reranker", "summarizer", "translator"];

interface Workload {
  kind: string;
  params: { q?: string; tag?: string; team?: string; limit: number };
}

const WORKLOADS: Workload[] = [
  { kind: "two words", params: { q: "queue backlog", limit: 50 } },
  { kind: "two words", params: { q: "latency slo", limit: 50 } },
  { kind: "two words", params: { q: "kv cache", limit: 50 } },
  { kind: "two words", params: { q: "error budget", limit: 50 } },
  { kind: "one word", params: { q: "gpu", limit: 50 } },
  { kind: "one word", params: { q: "restart", limit: 50 } },
  { kind: "one word", params: { q: "xid", limit: 50 } },
  { kind: "prefix", params: { q: "infer", limit: 50 } },
  { kind: "prefix", params: { q: "mem", limit: 50 } },
  { kind: "metric name", params: { q: "inferno_queue_pending_requests", limit: 50 } },
  { kind: "words + filters", params: { q: "latency", team: "ml-platform", limit: 50 } },
  { kind: "words + filters", params: { q: "restart", tag: "gpu", limit: 50 } },
  { kind: "list by title", params: { limit: 50 } },
  { kind: "list by title", params: { tag: "inferno", limit: 50 } },
  { kind: "list by title", params: { team: "sre", limit: 50 } },
];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function pick<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error("empty list");
  return item;
}

/** 10,000 runbooks: each a shipped body under a service's name, with its tags plus a couple more. */
async function fill(url: string): Promise<void> {
  const shipped = await readRunbookDirectory(path.join(ROOT, "runbooks"));
  await withClient(url, async (client) => {
    for (let start = 0; start < RUNBOOKS; start += 500) {
      const rows = Array.from({ length: Math.min(500, RUNBOOKS - start) }, (_, offset) => {
        const index = start + offset;
        const source = pick(shipped, index);
        const service = pick(SERVICES, Math.floor(index / shipped.length));
        return {
          slug: `${source.slug}-${service}-${index}`,
          title: `${source.content.title} (${service})`,
          body: source.content.body.replace(/\n## Impact\n/, `\nThis copy covers the ${service} service.\n\n## Impact\n`),
          tags: [...new Set([...source.content.tags, pick(EXTRA_TAGS, index), pick(EXTRA_TAGS, index * 7 + 3)])],
          team: pick(TEAMS, index * 3 + 1),
          alerts: source.content.alertNames,
        };
      });
      await client.query(
        `INSERT INTO runbooks (slug, title, body, tags, team, alert_names)
         SELECT r.slug, r.title, r.body, ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.team, ARRAY(SELECT jsonb_array_elements_text(r.alerts))
         FROM jsonb_to_recordset($1::jsonb) AS r(slug text, title text, body text, tags jsonb, team text, alerts jsonb)`,
        [JSON.stringify(rows)],
      );
    }
    await client.query("ANALYZE runbooks");
  });
}

async function searchBench(serverUrl: string, searches: number): Promise<Array<Array<string | number>>> {
  const name = `vigil_bench_runbooks_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await applyMigrations(url.toString());
    const filled = performance.now();
    await fill(url.toString());
    console.log(`Inserted ${RUNBOOKS} runbooks in ${((performance.now() - filled) / 1000).toFixed(1)} s.`);
    process.env.DATABASE_URL = url.toString();
    const { searchRunbooks } = await import("../lib/data/runbooks.ts");
    const { db } = await import("../lib/db.ts");
    // Warm the pool and the caches once per workload.
    for (const workload of WORKLOADS) await searchRunbooks(workload.params);
    const samples = new Map<string, number[]>();
    const hits = new Map<string, number[]>();
    for (let run = 0; run < searches; run += 1) {
      const workload = pick(WORKLOADS, run);
      const started = performance.now();
      const result = await searchRunbooks(workload.params);
      const elapsed = performance.now() - started;
      for (const key of [workload.kind, "all searches"]) {
        samples.set(key, [...(samples.get(key) ?? []), elapsed]);
        hits.set(key, [...(hits.get(key) ?? []), result.total]);
      }
      // The floor on this machine right now: one trivial round trip through the same client.
      const floor = performance.now();
      await db().$queryRaw`SELECT 1`;
      samples.set("baseline SELECT 1", [...(samples.get("baseline SELECT 1") ?? []), performance.now() - floor]);
      hits.set("baseline SELECT 1", [...(hits.get("baseline SELECT 1") ?? []), 0]);
    }
    // Postgres's own execution time for a broad prefix search (thousands of matches), without the client.
    const plans = await withClient(url.toString(), async (client) => {
      const times: number[] = [];
      for (let run = 0; run < 20; run += 1) {
        const { rows } = await client.query<{ "QUERY PLAN": string }>(
          `EXPLAIN (ANALYZE, FORMAT TEXT) WITH query AS (SELECT to_tsquery('english', $1) AS q),
           hits AS (SELECT r.id, ts_rank(r.search_vector, query.q) AS rank, count(*) OVER () AS total FROM runbooks r, query
                    WHERE r.search_vector @@ query.q ORDER BY rank DESC, r.title LIMIT 50)
           SELECT r.slug, r.body FROM hits JOIN runbooks r ON r.id = hits.id ORDER BY hits.rank DESC, r.title`,
          [pick(["'infer':*", "'queue':* & 'backlog':*", "'gpu':*", "'restart':*"], run)],
        );
        const line = rows.map((row) => row["QUERY PLAN"]).find((text) => text.startsWith("Execution Time"));
        times.push(Number(/([\d.]+) ms/.exec(line ?? "")?.[1] ?? NaN));
      }
      return times;
    });
    samples.set("SQL execution (EXPLAIN ANALYZE)", plans);
    hits.set("SQL execution (EXPLAIN ANALYZE)", [0]);
    await db().$disconnect();
    return [...samples.entries()].map(([kind, times]) => [
      kind,
      times.length,
      Math.round(mean(hits.get(kind) ?? [])),
      quantile(times, 0.5).toFixed(1),
      quantile(times, 0.95).toFixed(1),
      quantile(times, 0.99).toFixed(1),
    ]);
  } finally {
    await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

const LIVE_BODY = `# Bench: three live queries

## Meaning
\`\`\`promql
sum by (job) (rate(inferno_http_requests_total[5m]))
\`\`\`

## Diagnosis
\`\`\`promql
inferno:queue_utilization:ratio
\`\`\`

\`\`\`promql
histogram_quantile(0.95, sum by (le, model) (rate(agent_ttft_ms_bucket[5m])))
\`\`\`
`;

const rangeAnswer = z.object({ data: z.object({ result: z.array(z.object({ values: z.array(z.tuple([z.number(), z.string()])) })) }) });

/** One request the page made during an open: when it started and ended, from navigation, in ms. */
interface TracedRequest {
  url: string;
  start: number;
  end: number | undefined;
  outcome: string;
}

/** Records every request a page makes, so a slow open can say which request it waited for. */
function traceRequests(page: import("playwright-core").Page): { reset(at: number): void; requests(): TracedRequest[] } {
  let origin = performance.now();
  let traced: TracedRequest[] = [];
  const open = new Map<import("playwright-core").Request, TracedRequest>();
  const short = (url: string) => {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`.slice(0, 110);
  };
  page.on("request", (request) => {
    const entry: TracedRequest = { url: `${request.method()} ${short(request.url())}`, start: performance.now() - origin, end: undefined, outcome: "pending" };
    open.set(request, entry);
    traced.push(entry);
  });
  const finish = (request: import("playwright-core").Request, outcome: string) => {
    const entry = open.get(request);
    if (!entry) return;
    open.delete(request);
    entry.end = performance.now() - origin;
    entry.outcome = outcome;
  };
  page.on("requestfinished", (request) => {
    void request.response().then(async (response) => {
      const entry = open.get(request);
      finish(request, String(response?.status() ?? "?"));
      // What a live block got: how many series, and how many of their values a chart can draw.
      if (entry && response && request.url().includes("/api/prometheus/query_range")) {
        const body: unknown = await response.json().catch(() => undefined);
        const parsed = rangeAnswer.safeParse(body);
        if (parsed.success) {
          const values = parsed.data.data.result.flatMap((series) => series.values.map(([, value]) => Number(value)));
          entry.outcome += ` ${parsed.data.data.result.length} series, ${values.filter(Number.isFinite).length}/${values.length} finite`;
        }
      }
    });
  });
  page.on("requestfailed", (request) => finish(request, `failed: ${request.failure()?.errorText ?? "?"}`));
  return {
    reset(at: number) {
      origin = at;
      traced = [];
      open.clear();
    },
    requests: () => traced,
  };
}

function printTrace(label: string, requests: TracedRequest[]): void {
  console.log(`\n${label}: every request, ms from navigation (start → end, status)`);
  for (const request of requests) {
    const end = request.end === undefined ? "…" : request.end.toFixed(0);
    console.log(`  ${request.start.toFixed(0).padStart(6)} → ${end.padStart(6)}  ${request.outcome.padEnd(7)} ${request.url}`);
  }
}

async function openBench(consoleUrl: string, password: string, opens: number): Promise<{ live: number[]; plain: number[] }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const slug = `bench-live-${randomBytes(3).toString("hex")}`;
  const context = await browser.newContext({ baseURL: consoleUrl });
  const page = await context.newPage();
  try {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("editor@vigil.local");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    const created = await page.request.post("/api/runbooks", { headers: { origin: new URL(consoleUrl).origin }, data: { slug, title: "Bench: three live queries", body: LIVE_BODY } });
    if (created.status() !== 201) throw new Error(`creating the bench runbook: ${created.status()} ${await created.text()}`);
    // The same runbook with its queries as plain code: what the page costs without live charts.
    const plainCreated = await page.request.post("/api/runbooks", {
      headers: { origin: new URL(consoleUrl).origin },
      data: { slug: `${slug}-plain`, title: "Bench: plain", body: LIVE_BODY.replaceAll("```promql", "```text") },
    });
    if (plainCreated.status() !== 201) throw new Error(`creating the plain bench runbook: ${plainCreated.status()}`);
    await page.goto(`/runbooks/${slug}-plain`);
    const plain: number[] = [];
    for (let run = 0; run < opens; run += 1) {
      await page.goto("about:blank");
      const started = performance.now();
      await page.goto(`/runbooks/${slug}-plain`);
      await page.getByRole("region", { name: "Firing alerts" }).getByText(/No alert linked|Linked alerts/).first().waitFor({ timeout: 120_000 });
      plain.push(performance.now() - started);
    }
    // Once to compile routes and warm caches, like any page someone has opened before.
    await page.goto(`/runbooks/${slug}`);
    const times: number[] = [];
    const tracer = traceRequests(page);
    let slowest: { time: number; requests: TracedRequest[]; blocks: string[] } | undefined;
    for (let run = 0; run < opens; run += 1) {
      await page.goto("about:blank");
      const started = performance.now();
      tracer.reset(started);
      await page.goto(`/runbooks/${slug}`);
      const live = page.getByRole("region", { name: "Live query" });
      await live.nth(2).waitFor({ timeout: 120_000 });
      // Drawn: each block shows a line or a dot (or says there is no data, or why it failed), none is
      // still loading. An empty chart (axes, legend, nothing in them) is not drawn.
      const drawn = () =>
        page.waitForFunction(() => {
          const blocks = [...document.querySelectorAll('section[aria-label="Live query"]')];
          return blocks.length === 3 && blocks.every((block) => block.querySelector("path.recharts-curve, circle.recharts-dot, [role=alert]") || /No data/.test(block.textContent ?? ""));
        }, undefined, { timeout: 120_000 });
      // Not drawn after 5 s: note what each block shows then, for the report of the slowest open.
      let stuck: string[] = [];
      const late = await Promise.race([drawn().then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5_000))]);
      if (late) {
        stuck = await page.evaluate(() =>
          [...document.querySelectorAll('section[aria-label="Live query"]')].map(
            (block) => `${(block.textContent ?? "").slice(0, 100)} | svg ${block.querySelectorAll("svg").length}, curves ${block.querySelectorAll("path.recharts-curve").length}, dots ${block.querySelectorAll("circle.recharts-dot").length}`,
          ),
        );
        await drawn();
      }
      const time = performance.now() - started;
      times.push(time);
      if (!slowest || time > slowest.time) slowest = { time, requests: [...tracer.requests()], blocks: stuck };
    }
    if (slowest) {
      printTrace(`The slowest open (${slowest.time.toFixed(0)} ms)`, slowest.requests);
      if (slowest.blocks.length) console.log(`  the blocks 5 s after navigation:\n    ${slowest.blocks.join("\n    ")}`);
    }
    return { live: times, plain };
  } finally {
    await page.request.delete(`/api/runbooks/${slug}`, { headers: { origin: new URL(consoleUrl).origin } }).catch(() => undefined);
    await page.request.delete(`/api/runbooks/${slug}-plain`, { headers: { origin: new URL(consoleUrl).origin } }).catch(() => undefined);
    await browser.close();
  }
}

async function main(): Promise<void> {
  const searches = Number(process.argv[2] ?? 300);
  const opens = Number(process.argv[3] ?? 15);
  let databaseUrl = process.env.BENCH_DATABASE_URL;
  let consoleUrl = process.env.BENCH_CONSOLE_URL;
  let password = process.env.BENCH_PASSWORD;
  let cleanup = async () => undefined as void;
  if (!databaseUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
    console.log("Starting a stack (console production build)...");
    const stack = await startStack({ root: ROOT, dataDir, profile: "test", withConsole: true, log: () => undefined });
    databaseUrl = stack.urls.database;
    consoleUrl = stack.urls.console ?? "";
    password = stack.demoPassword;
    cleanup = async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
    // A few scrapes, so rate() windows have data to draw.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  try {
    // searches=0 measures only the opening of a runbook.
    if (searches > 0) {
      const searchRows = await searchBench(databaseUrl, searches);
      console.log(`\nRunbook search over ${RUNBOOKS} runbooks (${os.cpus().length} cores), searchRunbooks() in process, ms:\n`);
      printTable(["kind", "runs", "mean hits", "p50", "p95", "p99"], searchRows);
    }
    const opened = consoleUrl && password ? await openBench(consoleUrl, password, opens) : { live: [], plain: [] };
    const openTimes = opened.live;
    if (openTimes.length === 0) {
      console.log("\nOpening a runbook in Chromium: skipped (set BENCH_CONSOLE_URL and BENCH_PASSWORD, or let the bench start its stack).");
      return;
    }
    console.log(`\nOpening a runbook with three live PromQL blocks in headless Chromium, navigation to all three drawn, ms (${openTimes.length} opens):\n`);
    const row = (label: string, times: number[]) => [label, quantile(times, 0.5).toFixed(0), quantile(times, 0.95).toFixed(0), Math.max(...times).toFixed(0)];
    printTable(["page", "p50", "p95", "max"], [row("three live PromQL blocks, all drawn", openTimes), row("same runbook, queries as plain code", opened.plain)]);
    // In order, so a slow first open (or a slow tail) is told apart from a steady cost.
    console.log(`\nlive opens in order: ${openTimes.map((time) => time.toFixed(0)).join(", ")}`);
  } finally {
    await cleanup();
  }
}

await main();
process.exit(0);
