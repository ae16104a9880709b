import { budgetStatus, forecastMonth, type BudgetStatus } from "./month";

/** A vector sample reduced to what the cost math needs. */
export interface LabeledValue {
  labels: Record<string, string>;
  value: number;
}

export interface SpendRow {
  model: string;
  tenant: string;
  /** USD per hour now (5-minute rate). */
  ratePerHour: number;
  /** USD per hour over the last hour; drives the forecast. */
  hourRatePerHour: number;
  monthToDate: number;
  /** Where the price came from. */
  source: "platform" | "price-table";
}

export interface ModelPriceEntry {
  model: string;
  kind: string;
  inputUsdPer1k: number;
  outputUsdPer1k: number;
}

function keyed(values: readonly LabeledValue[], ...labels: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const { labels: set, value } of values) {
    if (!Number.isFinite(value)) continue;
    const key = labels.map((label) => set[label] ?? "").join("\u0000");
    map.set(key, (map.get(key) ?? 0) + value);
  }
  return map;
}

export interface PlatformSpendInput {
  /** cost_usd_per_1k_tokens now and averaged over the month, per model and tenant. */
  price: readonly LabeledValue[];
  priceMonth: readonly LabeledValue[];
  /** Token rates (per second) over 5 minutes and 1 hour, and tokens this month, per model and tenant. */
  tokensRate: readonly LabeledValue[];
  tokensRateHour: readonly LabeledValue[];
  tokensMonth: readonly LabeledValue[];
}

/**
 * Spend from the platform's own price: tokens × cost_usd_per_1k_tokens / 1000, per model and
 * tenant. Month-to-date uses the month's tokens at the month's average price.
 */
export function platformSpend(input: PlatformSpendInput): SpendRow[] {
  const price = keyed(input.price, "model", "tenant");
  const priceMonth = keyed(input.priceMonth, "model", "tenant");
  const rate = keyed(input.tokensRate, "model", "tenant");
  const hourRate = keyed(input.tokensRateHour, "model", "tenant");
  const month = keyed(input.tokensMonth, "model", "tenant");
  const keys = new Set([...price.keys()].filter((key) => rate.has(key) || month.has(key) || hourRate.has(key)));
  return [...keys].map((key) => {
    const [model = "", tenant = ""] = key.split("\u0000");
    const now = price.get(key) ?? 0;
    return {
      model,
      tenant,
      ratePerHour: ((rate.get(key) ?? 0) * now * 3600) / 1000,
      hourRatePerHour: ((hourRate.get(key) ?? 0) * now * 3600) / 1000,
      monthToDate: ((month.get(key) ?? 0) * (priceMonth.get(key) ?? now)) / 1000,
      source: "platform" as const,
    };
  });
}

export interface PriceTableSpendInput {
  prices: readonly ModelPriceEntry[];
  /** Per model (label `model`): input and output tokens per second over the last hour, and this month. */
  inputRate: readonly LabeledValue[];
  outputRate: readonly LabeledValue[];
  inputMonth: readonly LabeledValue[];
  outputMonth: readonly LabeledValue[];
  /** Models already priced by the platform; the table does not count them twice. */
  skip: ReadonlySet<string>;
}

/** Spend of models that only report token counters (vLLM): tokens × the price table; no tenant label. */
export function priceTableSpend(input: PriceTableSpendInput): SpendRow[] {
  const inRate = keyed(input.inputRate, "model");
  const outRate = keyed(input.outputRate, "model");
  const inMonth = keyed(input.inputMonth, "model");
  const outMonth = keyed(input.outputMonth, "model");
  return input.prices
    .filter((price) => !input.skip.has(price.model) && (inRate.has(price.model) || inMonth.has(price.model)))
    .map((price) => {
      const perHour = (((inRate.get(price.model) ?? 0) * price.inputUsdPer1k + (outRate.get(price.model) ?? 0) * price.outputUsdPer1k) * 3600) / 1000;
      return {
        model: price.model,
        tenant: UNATTRIBUTED,
        ratePerHour: perHour,
        hourRatePerHour: perHour,
        monthToDate: ((inMonth.get(price.model) ?? 0) * price.inputUsdPer1k + (outMonth.get(price.model) ?? 0) * price.outputUsdPer1k) / 1000,
        source: "price-table" as const,
      };
    });
}

export const UNATTRIBUTED = "(no tenant label)";
export const NO_TEAM = "(no team)";

export interface SpendGroup {
  name: string;
  ratePerHour: number;
  monthToDate: number;
  forecast: number;
  budget: number | null;
  status: BudgetStatus;
}

/** Totals per tenant, model or team, each with its month-end forecast and (tenants) budget. */
export function groupSpend(
  rows: readonly SpendRow[],
  by: (row: SpendRow) => string,
  remainingHours: number,
  budgets: ReadonlyMap<string, number> = new Map(),
): SpendGroup[] {
  const groups = new Map<string, { rate: number; hourRate: number; mtd: number }>();
  for (const row of rows) {
    const group = groups.get(by(row)) ?? { rate: 0, hourRate: 0, mtd: 0 };
    group.rate += row.ratePerHour;
    group.hourRate += row.hourRatePerHour;
    group.mtd += row.monthToDate;
    groups.set(by(row), group);
  }
  // Budgets without spend still show, so an admin sees every tenant they budgeted.
  for (const name of budgets.keys()) if (!groups.has(name)) groups.set(name, { rate: 0, hourRate: 0, mtd: 0 });
  return [...groups]
    .map(([name, group]) => {
      const forecast = forecastMonth(group.mtd, group.hourRate, remainingHours);
      const budget = budgets.get(name) ?? null;
      return { name, ratePerHour: group.rate, monthToDate: group.mtd, forecast, budget, status: budgetStatus(forecast, budget) };
    })
    .sort((a, b) => b.ratePerHour - a.ratePerHour || a.name.localeCompare(b.name));
}
