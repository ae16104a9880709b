import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBudget } from "@/lib/data/budgets";
import { setPrice } from "@/lib/data/prices";
import { consoleMetrics } from "@/lib/metrics";
import { createPrometheusClient, type PrometheusClient } from "@/lib/prometheus/client";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { eventually } from "@/lib/testing/eventually";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { GPUS, MODELS, NODES, TENANTS } from "@/stack/exporter/catalog";
import { PRICES } from "@/stack/exporter/prices";
import { fetchCostOverview, type CostOverview } from "./fetch-cost";

/**
 * The cost page's figures against the demo exporter's deterministic mode (seed 42): its price
 * table (stack/exporter/prices.ts) and catalog give the expected values by hand.
 *
 * Month-to-date figures use increase() over the month: the growth of each counter between its
 * first sample this month and now (the test stack started this month, after the exporter, so the
 * first sample is Prometheus's first scrape). increase() extrapolates both ends by up to about one
 * and a half scrape intervals (1 s in the test stack), so those figures are compared within two
 * seconds' worth of the counter's average rate. Everything else must match exactly.
 */

const VLLM_PRICED = "meta-llama/Meta-Llama-3-70B-Instruct";
const VLLM_UNPRICED = "mistralai/Mixtral-8x7B-Instruct-v0.1";
/** The cost-spike incident may run on the test stack's schedule and reprice this model. */
const NODE_GPU_PRICE = new Map<string, number>(Object.entries(PRICES.nodes).map(([node, price]) => [node, price.gpuHourly]));
const STEADY_MODELS = MODELS.filter((model) => model !== PRICES.costSpikeModel);

let database: PrivateDatabase;
let admin: TestPerson;
let prometheus: PrometheusClient;

async function instant(expr: string, time: number): Promise<Array<{ labels: Record<string, string>; value: number }>> {
  const answer = await prometheus.query(expr, { time });
  if (answer.data.resultType !== "vector") throw new Error(`expected a vector for ${expr}`);
  return answer.data.result.map((series) => ({ labels: series.metric, value: Number(series.value[1]) }));
}

/** Growth of a counter family since its first sample, per label set, and the seconds that spans. */
async function growth(selector: string, by: string): Promise<{ values: Array<{ labels: Record<string, string>; value: number }>; seconds: number }> {
  const [values, span] = await Promise.all([
    instant(`sum by (${by}) (${selector}) - sum by (${by}) (min_over_time(${selector}[1h]))`, time),
    instant(`max(timestamp(${selector})) - min(min_over_time(timestamp(${selector})[1h:1s]))`, time),
  ]);
  return { values, seconds: span[0]?.value ?? Number.NaN };
}

function within(actual: number, expected: number, tolerance: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: got ${actual}, expected ${expected} ± ${tolerance}`).toBeLessThanOrEqual(tolerance);
}

let time: number;
let overview: CostOverview;

beforeAll(async () => {
  const url = process.env.VIGIL_TEST_PROMETHEUS_URL;
  if (!url) throw new Error("VIGIL_TEST_PROMETHEUS_URL is not set; the integration project's global setup provides it");
  process.env.PROMETHEUS_URL = url;
  prometheus = createPrometheusClient({ baseUrl: url, timeoutMs: 10_000 });
  database = await createPrivateDatabase("cost");
  admin = await createPerson("admin");
  await setPrice(admin.actor, { model: VLLM_PRICED, kind: "self_hosted", inputUsdPer1k: 0.002, outputUsdPer1k: 0.006 }, null);
  await setBudget(admin.actor, { tenant: "prod", team: "search", monthlyUsd: 5000 }, null);
  // Wait for at least 30 s of every series the page reads.
  await eventually(async () => {
    const [tokens, gpus, vllm] = await Promise.all([
      instant("count(count_over_time(agent_total_tokens[1h]) > 30)", Date.now() / 1000),
      instant("count(DCGM_FI_PROF_GR_ENGINE_ACTIVE)", Date.now() / 1000),
      instant("count(count_over_time(vllm:prompt_tokens_total[1h]) > 30)", Date.now() / 1000),
    ]);
    if (!tokens[0] || !gpus[0] || !vllm[0]) throw new Error("Prometheus has not scraped enough yet");
  }, 90_000);
  // A second ago, so every target's sample for that second is in.
  time = Math.floor(Date.now() / 1000) - 2;
  overview = await fetchCostOverview({ nowMs: time * 1000 });
}, 150_000);

afterAll(async () => {
  await database?.drop();
});

describe("cost figures from the deterministic demo exporter", () => {
  it("cost per 1K tokens of platform models is the exporter's list price, input and output", () => {
    for (const model of STEADY_MODELS) {
      const row = overview.perToken.find((entry) => entry.model === model);
      expect(row, model).toMatchObject({ source: "platform" });
      expect(row?.inputPer1k).toBeCloseTo(PRICES.costPer1kTokens[model], 12);
      expect(row?.outputPer1k).toBeCloseTo(PRICES.costPer1kTokens[model], 12);
    }
  });

  it("a model in the price table costs its table prices; one without any price is OpenCost's fleet price per token", () => {
    expect(overview.perToken.find((row) => row.model === VLLM_PRICED)).toMatchObject({ source: "price-table", inputPer1k: 0.002, outputPer1k: 0.006 });
    const opencost = overview.perToken.find((row) => row.model === VLLM_UNPRICED);
    expect(opencost?.source).toBe("opencost");
    // The fleet's GPU price per hour by hand, spread over every token served in that hour.
    const fleetHourly = NODES.reduce((sum, node) => sum + PRICES.nodes[node.name].gpuHourly * GPUS.filter((gpu) => gpu.node === node.name).length, 0);
    const tokensPerHour = overview.perToken.reduce((sum, row) => sum + row.inputTokensPerHour + row.outputTokensPerHour, 0);
    expect(((opencost?.inputPer1k ?? 0) * tokensPerHour) / 1000).toBeCloseTo(fleetHourly, 6);
  });

  it("month-to-date spend is tokens so far × the list price per tenant and model", async () => {
    const tokens = await growth("agent_total_tokens", "model, tenant");
    for (const model of STEADY_MODELS) {
      for (const tenant of TENANTS) {
        const count = tokens.values.find((entry) => entry.labels.model === model && entry.labels.tenant === tenant)?.value ?? 0;
        const expected = (count * PRICES.costPer1kTokens[model]) / 1000;
        const row = overview.spend.find((entry) => entry.model === model && entry.tenant === tenant);
        within(row?.monthToDate ?? Number.NaN, expected, (expected / tokens.seconds) * 2, `${model}/${tenant}`);
      }
    }
    const [prompt, generation] = await Promise.all([
      growth(`vllm:prompt_tokens_total{model_name="${VLLM_PRICED}"}`, "model_name"),
      growth(`vllm:generation_tokens_total{model_name="${VLLM_PRICED}"}`, "model_name"),
    ]);
    const expectedVllm = ((prompt.values[0]?.value ?? 0) * 0.002 + (generation.values[0]?.value ?? 0) * 0.006) / 1000;
    const vllmRow = overview.spend.find((entry) => entry.model === VLLM_PRICED);
    expect(vllmRow?.source).toBe("price-table");
    within(vllmRow?.monthToDate ?? Number.NaN, expectedVllm, (expectedVllm / prompt.seconds) * 2, VLLM_PRICED);
  });

  it("GPU-hours this month cost the OpenCost node prices; spot savings are the on-demand difference", async () => {
    // The exporter allocates 92 % of every node's GPUs each second: GPU-hours by hand from its catalog.
    const hours = await growth("gpu_hours_total", "node");
    const perSecond = NODES.reduce((sum, node) => sum + ((NODE_GPU_PRICE.get(node.name) ?? 0) * GPUS.filter((gpu) => gpu.node === node.name).length * 0.92) / 3600, 0);
    within(overview.gpu.gpuCostMonth, perSecond * hours.seconds, perSecond * 2, "GPU cost this month");
    const recorded = hours.values.reduce((sum, { labels, value }) => sum + value * (NODE_GPU_PRICE.get(labels.node ?? "") ?? Number.NaN), 0);
    within(overview.gpu.gpuCostMonth, recorded, perSecond * 2, "GPU cost this month from the counters");
    const spotPerHour = NODES.filter((node) => node.spot).reduce((sum, node) => {
      const price = PRICES.nodes[node.name];
      return sum + (price.onDemandGpuHourly - price.gpuHourly) * GPUS.filter((gpu) => gpu.node === node.name).length * 0.92;
    }, 0);
    const savings = await growth("spot_savings_usd_total", "job");
    within(overview.gpu.spotSavingsMonth, (spotPerHour * savings.seconds) / 3600, (spotPerHour / 3600) * 2, "spot savings this month");
    expect(overview.gpu.spotNodes).toEqual(NODES.filter((node) => node.spot).map((node) => node.name));
  });

  it("idle GPU cost is each idle GPU's node price: none idle under 5 %, the whole fleet under 101 %", async () => {
    const utilisation = await instant("DCGM_FI_DEV_GPU_UTIL", time);
    const idleByHand = utilisation.filter(({ value }) => value < 5).reduce((sum, { labels }) => sum + (NODE_GPU_PRICE.get(labels.Hostname ?? "") ?? 0), 0);
    expect(overview.gpu.idleBelowPct).toBe(5);
    expect(overview.gpu.idleHourlyUsd).toBeCloseTo(idleByHand, 9);
    const everything = await fetchCostOverview({ nowMs: time * 1000, idleBelowPct: 101 });
    const fleetHourly = GPUS.reduce((sum, gpu) => sum + PRICES.nodes[gpu.node].gpuHourly, 0);
    expect(everything.gpu.idleGpus).toHaveLength(GPUS.length);
    expect(everything.gpu.idleHourlyUsd).toBeCloseTo(fleetHourly, 9);
    expect(everything.gpu.fleetHourlyUsd).toBeCloseTo(fleetHourly, 9);
  });

  it("shows the budget against the tenant and exports it for the alert rule", async () => {
    const prod = overview.byTenant.find((group) => group.name === "prod");
    expect(prod?.budget).toBe(5000);
    expect(overview.byTeam.find((group) => group.name === "search")?.budget).toBe(5000);
    const text = await consoleMetrics().registry.metrics();
    expect(text).toContain('vigil_cost_tenant_budget_usd{tenant="prod",team="search"} 5000');
  });

  it("$ per good request divides each model's spend by its successful turns", () => {
    for (const model of MODELS) {
      const row = overview.perGoodRequest.find((entry) => entry.model === model);
      const spend = overview.byModel.find((group) => group.name === model);
      expect(row?.goodPerHour, model).toBeGreaterThan(0);
      expect(row?.costPerHour).toBeCloseTo(overview.spend.filter((entry) => entry.model === model).reduce((sum, entry) => sum + entry.hourRatePerHour, 0), 9);
      expect(spend).toBeDefined();
      expect(row?.usdPerGoodRequest).toBeCloseTo((row?.costPerHour ?? 0) / (row?.goodPerHour ?? 1), 12);
    }
  });
});
