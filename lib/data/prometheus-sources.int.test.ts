import { beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { eventually } from "@/lib/testing/eventually";
import { demoTargets } from "@/stack/exporter/targets";
import { instantQuery, rangeQuery, sourceSummaries, targetsSummary } from "./prometheus";
import { labelNames, labelValues, scrapeIntervalSeconds } from "./prometheus-labels";

/*
 * The console's data layer with two sources: the test Prometheus as the default and the test
 * stack's VictoriaMetrics as "vm", both scraping the same demo exporter. The same calls go to
 * each; both must answer, and alike.
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the integration project's global setup provides it`);
  return value;
}

// Read once by lib/env on first use, which comes after this.
process.env.PROMETHEUS_URL = required("VIGIL_TEST_PROMETHEUS_URL");
process.env.PROMETHEUS_SOURCES = `vm=${required("VIGIL_TEST_VICTORIA_METRICS_URL")}`;
process.env.DATABASE_URL ??= required("VIGIL_TEST_DATABASE_URL");

const SOURCES = [undefined, "vm"] as const;
const jobs = [...new Set(demoTargets().map((target) => target.job))].sort();
const demoJobs = `job=~"${jobs.join("|")}"`;

function byJob(response: Awaited<ReturnType<typeof instantQuery>>): Record<string, string> {
  if (response.data.resultType !== "vector") throw new Error(`expected a vector, got ${response.data.resultType}`);
  return Object.fromEntries(response.data.result.map((sample) => [sample.metric.job ?? "", sample.value[1]]));
}

beforeAll(async () => {
  // VictoriaMetrics makes fresh samples searchable about a second after its buffer flushes.
  await eventually(async () => {
    const answer = await instantQuery({ query: `count(up{${demoJobs}} == 1)`, source: "vm" });
    expect(answer.data.resultType === "vector" ? answer.data.result[0]?.value[1] : undefined).toBe(String(demoTargets().length));
  }, 60_000);
}, 90_000);

describe("the data layer with two Prometheus-API sources", () => {
  it("lists both sources, the default first", () => {
    expect(sourceSummaries()).toEqual([
      { name: "default", url: process.env.PROMETHEUS_URL, isDefault: true },
      { name: "vm", url: process.env.VIGIL_TEST_VICTORIA_METRICS_URL, isDefault: false },
    ]);
  });

  it("answers the same instant query from each source, saying which answered", async () => {
    const query = `count by (job) (up{${demoJobs}})`;
    const [fromPrometheus, fromVm] = await Promise.all(SOURCES.map((source) => instantQuery({ query, source })));
    if (!fromPrometheus || !fromVm) throw new Error("no answer");
    expect(fromPrometheus.source).toBe("default");
    expect(fromVm.source).toBe("vm");
    expect(byJob(fromVm)).toEqual(byJob(fromPrometheus));
  });

  it("answers the same range query from each source with the same series", async () => {
    const end = Math.floor(Date.now() / 1000);
    const params = { query: 'sum by (job) (up{job=~"inferno|vllm"})', start: end - 60, end, step: 10 };
    for (const source of SOURCES) {
      const answer = await rangeQuery({ ...params, source });
      expect(answer.data.result.map((series) => series.metric.job).sort()).toEqual(["inferno", "vllm"]);
      expect(answer.data.result[0]?.values.length).toBeGreaterThanOrEqual(1);
    }
  });

  it("answers dashboard variables' label lookups and the scrape interval from each source", async () => {
    const start = Math.floor(Date.now() / 1000) - 300;
    for (const source of SOURCES) {
      expect((await labelValues({ label: "job", start, source })).filter((job) => jobs.includes(job)).sort()).toEqual(jobs);
      expect(await labelNames({ match: 'up{job="inferno"}', start, source })).toEqual(expect.arrayContaining(["instance", "job"]));
      expect((await targetsSummary(undefined, source)).jobs.length).toBeGreaterThanOrEqual(jobs.length);
    }
    // Each source scrapes at its own pace: 1 s for the test Prometheus, 2 s for the stack's VictoriaMetrics
    // (whose targets carry it as the discovered label __scrape_interval__, not as scrapeInterval).
    expect(await scrapeIntervalSeconds(undefined)).toBe(1);
    expect(await scrapeIntervalSeconds(undefined, "vm")).toBe(2);
  });

  it("keeps each source's own refusal of a bad query, and refuses a source that is not configured", async () => {
    for (const source of SOURCES) {
      const error = await instantQuery({ query: "sum(", source }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ httpStatus: 400 });
    }
    const unknown = await instantQuery({ query: "up", source: "thanos" }).catch((caught: unknown) => caught);
    expect(unknown).toBeInstanceOf(ValidationError);
    expect(unknown instanceof Error ? unknown.message : "").toBe('There is no Prometheus source named "thanos"; configured: default, vm');
  });
});
