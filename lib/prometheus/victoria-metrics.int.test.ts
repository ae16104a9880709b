import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/errors";
import { eventually } from "@/lib/testing/eventually";
import { demoTargets } from "@/stack/exporter/targets";
import { freePort } from "@/stack/ports";
import type { Service } from "@/stack/service";
import { victoriaMetricsService } from "@/stack/victoria-metrics";
import { createPrometheusClient, type PrometheusClient } from "./client";

/*
 * The console's Prometheus client against VictoriaMetrics, an independent implementation of the
 * same query API, scraping the same demo exporter as the test stack's Prometheus. Each answer is
 * compared with Prometheus's; the differences the README documents are asserted here too.
 */

let dir: string | undefined;
let victoria: Service | undefined;
let vm: PrometheusClient;
let prometheus: PrometheusClient;
const jobs = [...new Set(demoTargets().map((target) => target.job))].sort();

beforeAll(async () => {
  // The test stack runs one as the console's second source; run alone against another stack, start our own.
  let baseUrl = process.env.VIGIL_TEST_VICTORIA_METRICS_URL;
  if (!baseUrl) {
    const exporter = new URL(process.env.VIGIL_TEST_EXPORTER_URL ?? "");
    dir = mkdtempSync(path.join(tmpdir(), "vigil-vm-"));
    const port = await freePort();
    victoria = victoriaMetricsService({ dataDir: dir, port, exporterAddress: exporter.host, scrapeInterval: "1s" });
    await victoria.start();
    baseUrl = `http://127.0.0.1:${port}`;
  }
  vm = createPrometheusClient({ baseUrl, timeoutMs: 10_000 });
  prometheus = createPrometheusClient({ baseUrl: process.env.VIGIL_TEST_PROMETHEUS_URL ?? "", timeoutMs: 10_000 });
  // VictoriaMetrics makes fresh samples searchable after its in-memory buffer flushes (about a second).
  await eventually(async () => {
    const result = await vm.query("count(up == 1)");
    const sample = result.data.resultType === "vector" ? result.data.result[0] : undefined;
    expect(sample?.value[1]).toBe(String(demoTargets().length));
  }, 60_000);
}, 90_000);

afterAll(async () => {
  await victoria?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function vectorByJob(result: Awaited<ReturnType<PrometheusClient["query"]>>): Record<string, string> {
  if (result.data.resultType !== "vector") throw new Error(`expected a vector, got ${result.data.resultType}`);
  return Object.fromEntries(result.data.result.map((sample) => [sample.metric.job ?? "", sample.value[1]]));
}

describe("the Prometheus client against VictoriaMetrics", () => {
  it("answers instant queries as Prometheus does", async () => {
    // Only the demo jobs: the stack's Prometheus also scrapes itself, Alertmanager and the console.
    const expr = `count by (job) (up{job=~"${jobs.join("|")}"})`;
    expect(vectorByJob(await vm.query(expr))).toEqual(vectorByJob(await prometheus.query(expr)));
  });

  it("answers range queries with a matrix of the same series", async () => {
    const end = Math.floor(Date.now() / 1000);
    const options = { start: end - 30, end, step: 5 };
    const expr = 'sum by (job) (up{job=~"inferno|vllm"})';
    const [fromVm, fromPrometheus] = await Promise.all([vm.queryRange(expr, options), prometheus.queryRange(expr, options)]);
    const labels = (result: typeof fromVm) => result.data.result.map((series) => series.metric).sort((a, b) => String(a.job).localeCompare(String(b.job)));
    expect(labels(fromVm)).toEqual(labels(fromPrometheus));
    expect(fromVm.data.result[0]?.values.length).toBeGreaterThan(1);
  });

  it("lists label names, label values and series", async () => {
    const values = await vm.labelValues("job");
    expect(values.data.filter((job) => jobs.includes(job)).sort()).toEqual(jobs);
    const names = await vm.labels();
    expect(names.data).toEqual(expect.arrayContaining(["__name__", "instance", "job"]));
    const series = await vm.series(['up{job="inferno"}']);
    expect(series.data.map((labels) => labels.instance).sort()).toEqual(
      demoTargets()
        .filter((target) => target.job === "inferno")
        .map((target) => target.instance)
        .sort(),
    );
    // VictoriaMetrics honours limit on label values like Prometheus 2.49+; the client enforces it either way.
    expect((await vm.labelValues("job", { limit: 2 })).data).toHaveLength(2);
  });

  it("lists its scrape targets in Prometheus's shape", async () => {
    const targets = await vm.targets({ state: "active" });
    expect(targets.data.activeTargets.filter((target) => target.health === "up")).toHaveLength(demoTargets().length);
  });

  it("reports cardinality without Prometheus's headStats", async () => {
    const status = await vm.tsdbStatus({ limit: 5 });
    expect(status.data.headStats).toBeUndefined();
    expect(status.data.seriesCountByMetricName.length).toBeGreaterThan(0);
    expect(status.data.seriesCountByMetricName.length).toBeLessThanOrEqual(5);
  });

  it("answers buildinfo without a version, which still counts as reachable", async () => {
    const build = await vm.buildinfo();
    expect(build.data.version).toBeUndefined();
    expect((await prometheus.buildinfo()).data.version).toMatch(/^2\./);
  });

  it("keeps its own error message for a bad query, and answers it as the user's mistake", async () => {
    const error = await vm.query("sum(").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    if (!(error instanceof UpstreamError)) return;
    expect(error.kind).toBe("api");
    expect(error.errorType).toBe("422");
    expect(error.message).toContain("unexpected token");
    expect(error.httpStatus).toBe(400);
  });

  it("does not serve flags or runtimeinfo, and says so", async () => {
    for (const call of [() => vm.flags(), () => vm.runtimeinfo()]) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UpstreamError);
      if (error instanceof UpstreamError) expect(error.message).toMatch(/400.*unsupported path/);
    }
  });

  it("has no rules of its own (those live in vmalert) and says so with an empty list", async () => {
    expect((await vm.rules()).data.groups).toEqual([]);
    expect((await vm.metadata()).data).toEqual({});
  });
});
