import "server-only";
import { listBudgets, type Budget } from "@/lib/data/budgets";
import { listPrices, type ModelPrice } from "@/lib/data/prices";
import { fetchFleet } from "@/lib/gpu/fetch-fleet";
import type { GpuRow } from "@/lib/gpu/fleet";
import { getPrometheus } from "@/lib/prometheus/client";
import { queryDataToSeries } from "@/lib/prometheus/parse-sample-values";
import { monthWindow, runRateMonth } from "./month";
import { costPer1kTokens, costPerGoodRequest, type GoodRequestRow, type PerTokenRow } from "./per-token";
import { costQueries, GOOD_EVENTS, type CostQueryName } from "./promql";
import { groupSpend, platformSpend, priceTableSpend, NO_TEAM, type LabeledValue, type SpendGroup, type SpendRow } from "./spend";

export interface CostOverviewOptions {
  /** Unix ms to evaluate at (tests pin it); now when left out. */
  nowMs?: number;
  /** Activity below which a GPU counts as idle, percent. */
  idleBelowPct?: number;
  signal?: AbortSignal;
}

export interface GpuCostSummary {
  /** GPUs allocated now (gpu_hours_total's hourly rate), and their cost per hour at OpenCost prices. */
  gpusInUse: number;
  gpuCostPerHour: number;
  gpuHoursMonth: number;
  gpuCostMonth: number;
  /** Every GPU the exporters report × its node's node_gpu_hourly_cost. */
  fleetHourlyUsd: number;
  idleBelowPct: number;
  idleGpus: GpuRow[];
  idleHourlyUsd: number;
  spotSavingsMonth: number;
  spotSavingsPerHour: number;
  spotNodes: string[];
}

export interface CostOverview {
  evaluatedAt: string;
  month: { label: string; startMs: number; endMs: number; remainingHours: number; hoursInMonth: number };
  spend: SpendRow[];
  byTenant: SpendGroup[];
  byModel: SpendGroup[];
  byTeam: SpendGroup[];
  totals: { ratePerHour: number; monthToDate: number; forecast: number; runRateMonth: number };
  perToken: PerTokenRow[];
  perGoodRequest: GoodRequestRow[];
  gpu: GpuCostSummary;
  budgets: Budget[];
  prices: ModelPrice[];
}

function labeled(series: ReturnType<typeof queryDataToSeries>): LabeledValue[] {
  return series.flatMap(({ labels, points }) => (points[0] ? [{ labels, value: points[0][1] }] : []));
}

function total(values: readonly LabeledValue[]): number {
  return values.reduce((sum, { value }) => sum + (Number.isFinite(value) ? value : 0), 0);
}

/** Everything the cost page shows, computed at one instant. */
export async function fetchCostOverview(options: CostOverviewOptions = {}): Promise<CostOverview> {
  const nowMs = options.nowMs ?? Date.now();
  const time = nowMs / 1000;
  const month = monthWindow(nowMs);
  const queries = costQueries(month.elapsedSeconds);
  const prometheus = getPrometheus();
  const names = Object.keys(queries) as CostQueryName[];
  const [results, budgets, prices, fleet] = await Promise.all([
    Promise.all(names.map(async (name) => [name, labeled(queryDataToSeries((await prometheus.query(queries[name], { time, signal: options.signal })).data))] as const)),
    listBudgets(),
    listPrices(),
    fetchFleet({ time: Math.floor(time), rangeSeconds: 3600, idleBelowPct: options.idleBelowPct, signal: options.signal }),
  ]);
  const q = Object.fromEntries(results) as Record<CostQueryName, LabeledValue[]>;

  const platform = platformSpend({
    price: q.platformPrice,
    priceMonth: q.platformPriceMonth,
    tokensRate: q.tokensRate,
    tokensRateHour: q.tokensRateHour,
    tokensMonth: q.tokensMonth,
  });
  const platformModels = new Set(platform.map((row) => row.model));
  const tablePrices = prices.map(({ model, kind, inputUsdPer1k, outputUsdPer1k }) => ({ model, kind, inputUsdPer1k, outputUsdPer1k }));
  const spend = [
    ...platform,
    ...priceTableSpend({
      prices: tablePrices,
      inputRate: q.vllmPromptRate,
      outputRate: q.vllmGenerationRate,
      inputMonth: q.vllmPromptMonth,
      outputMonth: q.vllmGenerationMonth,
      skip: platformModels,
    }),
  ];
  const budgetByTenant = new Map(budgets.map((budget) => [budget.tenant, budget.monthlyUsd]));
  const teamOf = new Map(budgets.map((budget) => [budget.tenant, budget.team ?? NO_TEAM]));
  const byTenant = groupSpend(spend, (row) => row.tenant, month.remainingHours, budgetByTenant);
  const teamBudgets = new Map<string, number>();
  for (const budget of budgets) {
    const team = budget.team ?? NO_TEAM;
    teamBudgets.set(team, (teamBudgets.get(team) ?? 0) + budget.monthlyUsd);
  }

  const gpuHourlyByNode = new Map(q.gpuHourly.map(({ labels, value }) => [labels.node ?? "", value]));
  const gpuCountByNode = new Map(q.gpuCount.map(({ labels, value }) => [labels.node ?? "", value]));
  const fleetGpuHourly = q.gpuHourly.length
    ? [...gpuHourlyByNode].reduce((sum, [node, price]) => sum + price * (gpuCountByNode.get(node) ?? 0), 0)
    : null;
  const nodeCost = (values: LabeledValue[]) => values.reduce((sum, { labels, value }) => sum + value * (gpuHourlyByNode.get(labels.node ?? "") ?? 0), 0);

  const perToken = costPer1kTokens({
    prices: tablePrices,
    platformPrice: q.platformPrice,
    tokensRate: q.tokensRateHour,
    inputRate: [...q.inputRate, ...q.vllmPromptRate],
    outputRate: [...q.outputRate, ...q.vllmGenerationRate],
    fleetGpuHourly,
  });

  const spendByModel = new Map<string, { cost: number; source: string }>();
  for (const row of spend) {
    const entry = spendByModel.get(row.model) ?? { cost: 0, source: row.source === "platform" ? "cost_usd_per_1k_tokens × agent_total_tokens" : "price table × vLLM token counters" };
    entry.cost += row.hourRatePerHour;
    spendByModel.set(row.model, entry);
  }
  const turns = new Map(q.turns.map(({ labels, value }) => [labels.model ?? "", value]));
  const errors = new Map(q.turnErrors.map(({ labels, value }) => [labels.model ?? "", value]));
  const vllmGood = new Map(q.vllmGood.map(({ labels, value }) => [labels.model ?? "", value]));
  const perTokenByModel = new Map(perToken.map((row) => [row.model, row]));
  const goodModels = new Set([...turns.keys(), ...vllmGood.keys()]);
  const perGoodRequest = costPerGoodRequest(
    [...goodModels].map((model) => {
      const spent = spendByModel.get(model);
      const tokens = perTokenByModel.get(model);
      // Without a price the model's share of the GPU bill (OpenCost) is its cost.
      const opencost =
        tokens && tokens.source === "opencost" && tokens.inputPer1k !== null
          ? ((tokens.inputTokensPerHour + tokens.outputTokensPerHour) / 1000) * tokens.inputPer1k
          : null;
      const fromTurns = turns.has(model);
      return {
        model,
        costPerHour: spent?.cost ?? opencost,
        costSource: spent?.source ?? (opencost !== null ? "OpenCost GPU cost by share of tokens" : "no cost source"),
        goodPerSecond: fromTurns ? Math.max(0, (turns.get(model) ?? 0) - (errors.get(model) ?? 0)) : (vllmGood.get(model) ?? 0),
        goodEvents: fromTurns ? GOOD_EVENTS.platform : GOOD_EVENTS.vllm,
      };
    }),
  );

  const gpusInUse = total(q.gpusInUse);
  const totals = {
    ratePerHour: spend.reduce((sum, row) => sum + row.ratePerHour, 0),
    monthToDate: spend.reduce((sum, row) => sum + row.monthToDate, 0),
    forecast: byTenant.reduce((sum, group) => sum + group.forecast, 0),
    runRateMonth: runRateMonth(
      spend.reduce((sum, row) => sum + row.hourRatePerHour, 0),
      month.hoursInMonth,
    ),
  };

  return {
    evaluatedAt: new Date(nowMs).toISOString(),
    month: { label: month.label, startMs: month.startMs, endMs: month.endMs, remainingHours: month.remainingHours, hoursInMonth: month.hoursInMonth },
    spend,
    byTenant,
    byModel: groupSpend(spend, (row) => row.model, month.remainingHours),
    byTeam: groupSpend(spend, (row) => teamOf.get(row.tenant) ?? NO_TEAM, month.remainingHours, teamBudgets),
    totals,
    perToken,
    perGoodRequest,
    gpu: {
      gpusInUse,
      gpuCostPerHour: nodeCost(q.gpusInUse),
      gpuHoursMonth: total(q.gpuHoursMonth),
      gpuCostMonth: nodeCost(q.gpuHoursMonth),
      fleetHourlyUsd: fleet.fleetHourlyUsd,
      idleBelowPct: fleet.idleBelowPct,
      idleGpus: fleet.idle,
      idleHourlyUsd: fleet.idleHourlyUsd,
      spotSavingsMonth: total(q.spotSavingsMonth),
      spotSavingsPerHour: total(q.spotSavingsRate),
      spotNodes: q.spotNodes.filter(({ value }) => value === 1).map(({ labels }) => labels.node ?? ""),
    },
    budgets,
    prices,
  };
}
