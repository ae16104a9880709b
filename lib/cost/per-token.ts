import type { LabeledValue, ModelPriceEntry } from "./spend";

export type PerTokenSource = "price-table" | "platform" | "opencost";

export interface PerTokenRow {
  model: string;
  inputPer1k: number | null;
  outputPer1k: number | null;
  source: PerTokenSource;
  /** How the figure was made, for the panel. */
  detail: string;
  inputTokensPerHour: number;
  outputTokensPerHour: number;
}

export interface PerTokenInput {
  prices: readonly ModelPriceEntry[];
  /** cost_usd_per_1k_tokens per model and tenant, and total token rates per model and tenant (weights). */
  platformPrice: readonly LabeledValue[];
  tokensRate: readonly LabeledValue[];
  /** Input and output tokens per second per model (`model` label), platform and vLLM together. */
  inputRate: readonly LabeledValue[];
  outputRate: readonly LabeledValue[];
  /** The fleet's GPU cost per hour from OpenCost (node_gpu_hourly_cost × node_gpu_count). */
  fleetGpuHourly: number | null;
}

function sumBy(values: readonly LabeledValue[], label: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const { labels, value } of values) {
    if (!Number.isFinite(value)) continue;
    const key = labels[label] ?? "";
    map.set(key, (map.get(key) ?? 0) + value);
  }
  return map;
}

/**
 * Cost per 1K tokens per model, input and output apart, from the first source that has it:
 * 1. the price table (an admin's prices, input and output separately);
 * 2. the platform's cost_usd_per_1k_tokens, one blended price weighted by each tenant's tokens
 *    (the platform does not split input from output, so both columns show it);
 * 3. OpenCost: the fleet's GPU cost per hour ÷ all tokens served per hour × 1000.
 */
export function costPer1kTokens(input: PerTokenInput): PerTokenRow[] {
  const inRate = sumBy(input.inputRate, "model");
  const outRate = sumBy(input.outputRate, "model");
  const tokensByModel = sumBy(input.tokensRate, "model");
  const tokenWeight = new Map<string, number>();
  for (const { labels, value } of input.tokensRate) tokenWeight.set(`${labels.model}\u0000${labels.tenant}`, value);
  const blended = new Map<string, { weighted: number; weight: number; plain: number; count: number }>();
  for (const { labels, value } of input.platformPrice) {
    if (!Number.isFinite(value) || !labels.model) continue;
    const entry = blended.get(labels.model) ?? { weighted: 0, weight: 0, plain: 0, count: 0 };
    const weight = tokenWeight.get(`${labels.model}\u0000${labels.tenant}`) ?? 0;
    entry.weighted += value * weight;
    entry.weight += weight;
    entry.plain += value;
    entry.count += 1;
    blended.set(labels.model, entry);
  }
  const allTokensPerHour = [...inRate.values(), ...outRate.values()].reduce((sum, value) => sum + value, 0) * 3600;
  const prices = new Map(input.prices.map((price) => [price.model, price]));
  const models = new Set([...inRate.keys(), ...outRate.keys(), ...blended.keys(), ...tokensByModel.keys()]);

  return [...models]
    .filter((model) => model !== "")
    .sort()
    .map((model): PerTokenRow => {
      const volume = { inputTokensPerHour: (inRate.get(model) ?? 0) * 3600, outputTokensPerHour: (outRate.get(model) ?? 0) * 3600 };
      const price = prices.get(model);
      if (price) {
        return {
          model,
          inputPer1k: price.inputUsdPer1k,
          outputPer1k: price.outputUsdPer1k,
          source: "price-table",
          detail: `price table (${price.kind === "api" ? "API-priced" : "self-hosted"})`,
          ...volume,
        };
      }
      const platform = blended.get(model);
      if (platform && platform.count > 0) {
        const value = platform.weight > 0 ? platform.weighted / platform.weight : platform.plain / platform.count;
        return { model, inputPer1k: value, outputPer1k: value, source: "platform", detail: "cost_usd_per_1k_tokens (blended input and output)", ...volume };
      }
      const value = input.fleetGpuHourly !== null && allTokensPerHour > 0 ? (input.fleetGpuHourly / allTokensPerHour) * 1000 : null;
      return { model, inputPer1k: value, outputPer1k: value, source: "opencost", detail: "OpenCost node_gpu_hourly_cost ÷ all tokens served", ...volume };
    });
}

export interface GoodRequestRow {
  model: string;
  costPerHour: number | null;
  goodPerHour: number;
  usdPerGoodRequest: number | null;
  goodEvents: string;
  costSource: string;
}

/** "$ per good request": the model's spend per hour ÷ its good events per hour (null without either). */
export function costPerGoodRequest(
  models: ReadonlyArray<{ model: string; costPerHour: number | null; costSource: string; goodPerSecond: number; goodEvents: string }>,
): GoodRequestRow[] {
  return models
    .map(({ model, costPerHour, costSource, goodPerSecond, goodEvents }) => {
      const goodPerHour = goodPerSecond * 3600;
      return {
        model,
        costPerHour,
        goodPerHour,
        usdPerGoodRequest: costPerHour !== null && goodPerHour > 0 ? costPerHour / goodPerHour : null,
        goodEvents,
        costSource,
      };
    })
    .sort((a, b) => a.model.localeCompare(b.model));
}
