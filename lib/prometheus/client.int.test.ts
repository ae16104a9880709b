import { beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/eventually";
import { UpstreamError } from "@/lib/errors";
import { createPrometheusClient, MAX_GET_PARAMS_LENGTH, type PrometheusClient } from "./client";
import { matrixToChart } from "./transform";

// Jobs of the demo exporter the test setup's Prometheus scrapes.
const DEMO_JOBS = ["agent-sre", "inferno", "neuronetes"];

let prometheus: PrometheusClient;

beforeAll(() => {
  const url = process.env.VIGIL_TEST_PROMETHEUS_URL;
  if (!url) throw new Error("VIGIL_TEST_PROMETHEUS_URL is not set; the integration project's global setup provides it");
  prometheus = createPrometheusClient({ baseUrl: url, timeoutMs: 10_000 });
});

/** Retries `check` until it stops throwing: scrapes and rule evaluations take a few seconds. */

describe("Prometheus client against a real server", () => {
  it("reads the build info and readiness", async () => {
    const build = await prometheus.buildinfo();
    expect(build.data.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await prometheus.ready()).toEqual({ ready: true, message: expect.stringContaining("Ready") });
    expect((await prometheus.healthy()).healthy).toBe(true);
  });

  it("runs an instant query over the demo targets", async () => {
    const result = await eventually(async () => {
      const answer = await prometheus.query("up");
      if (answer.data.resultType !== "vector") throw new Error(`expected a vector, got ${answer.data.resultType}`);
      const jobs = new Set(answer.data.result.map((series) => series.metric.job));
      for (const job of DEMO_JOBS) if (!jobs.has(job)) throw new Error(`no up series for ${job} yet`);
      return answer.data.result;
    });
    expect(result.find((series) => series.metric.job === "agent-sre")?.value[1]).toBe("1");
  });

  it("runs a range query and turns it into chart rows", async () => {
    const end = Math.floor(Date.now() / 1000);
    const result = await eventually(async () => {
      const answer = await prometheus.queryRange("sum by (job) (up)", { start: end - 120, end, step: 5 });
      // Right after start-up Prometheus may not have scraped every job yet.
      const jobs = new Set(answer.data.result.map((series) => series.metric.job));
      if (!DEMO_JOBS.every((job) => jobs.has(job))) throw new Error("not every job scraped yet");
      return answer;
    });
    expect(result.data.resultType).toBe("matrix");
    expect(result.warnings).toEqual([]);
    const chart = matrixToChart(result.data, "{{job}}", { stepSeconds: 5, startSeconds: end - 120, endSeconds: end });
    expect(chart.rows).toHaveLength(25);
    expect(chart.series.map((series) => series.name)).toEqual(expect.arrayContaining(DEMO_JOBS));
  });

  it("sends a long query as a POST form, which Prometheus accepts", async () => {
    const padding = Array.from({ length: 300 }, (_, index) => `no-such-job-${index}`).join("|");
    const expr = `count(up{job=~"agent-sre|${padding}"})`;
    expect(new URLSearchParams({ query: expr }).toString().length).toBeGreaterThan(MAX_GET_PARAMS_LENGTH);
    const result = await prometheus.query(expr);
    expect(result.data).toMatchObject({ resultType: "vector", result: [{ metric: {}, value: [expect.any(Number), expect.any(String)] }] });
  });

  it("lists targets", async () => {
    const targets = await eventually(async () => {
      const answer = await prometheus.targets({ state: "active" });
      const pools = new Set(answer.data.activeTargets.map((target) => target.scrapePool));
      for (const job of DEMO_JOBS) if (!pools.has(job)) throw new Error(`no target for ${job} yet`);
      return answer.data;
    });
    expect(targets.droppedTargets).toEqual([]);
    const agent = targets.activeTargets.find((target) => target.labels.job === "agent-sre");
    expect(agent?.scrapeUrl).toMatch(/^http:\/\//);
    expect(["up", "down", "unknown"]).toContain(agent?.health);
  });

  it("lists label values, honouring a limit", async () => {
    const all = await eventually(async () => {
      const answer = await prometheus.labelValues("job");
      for (const job of DEMO_JOBS) if (!answer.data.includes(job)) throw new Error(`${job} not scraped yet`);
      return answer.data;
    });
    expect(all.length).toBeGreaterThan(2);
    const limited = await prometheus.labelValues("job", { limit: 2 });
    expect(limited.data).toHaveLength(2);
    const matched = await prometheus.labelValues("instance", { match: ['up{job="agent-sre"}'] });
    expect(matched.data.length).toBeGreaterThan(0);
  });

  it("reads the flags", async () => {
    const flags = await prometheus.flags();
    expect(flags.data["storage.tsdb.path"]).toBeTruthy();
    const port = new URL(prometheus.baseUrl).port;
    expect(flags.data["web.listen-address"]).toMatch(new RegExp(`:${port}$`));
  });

  it("reads every other endpoint in the shapes its schema promises", async () => {
    await expect(prometheus.series(["up"], { limit: 3 })).resolves.toMatchObject({ data: expect.any(Array) });
    await expect(prometheus.labels({ match: ["up"] })).resolves.toMatchObject({ data: expect.arrayContaining(["job"]) });
    await expect(prometheus.metadata({ limit: 5 })).resolves.toMatchObject({ data: expect.any(Object) });
    await expect(prometheus.rules()).resolves.toMatchObject({ data: { groups: expect.any(Array) } });
    await expect(prometheus.alerts()).resolves.toMatchObject({ data: { alerts: expect.any(Array) } });
    await expect(prometheus.runtimeinfo()).resolves.toMatchObject({ data: { reloadConfigSuccess: true } });
    await expect(prometheus.tsdbStatus()).resolves.toMatchObject({ data: { seriesCountByMetricName: expect.any(Array) } });
  });

  it("keeps the server's own words for a query it rejects", async () => {
    const error = await prometheus.query("sum(rate(up[5m]").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "api", status: 400, errorType: "bad_data" });
    expect(error instanceof UpstreamError && error.message).toMatch(/^bad_data: .*parse error/);
  });
});
