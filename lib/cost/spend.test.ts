import { describe, expect, it } from "vitest";
import { groupSpend, platformSpend, priceTableSpend, UNATTRIBUTED } from "./spend";

const v = (labels: Record<string, string>, value: number) => ({ labels, value });

describe("platformSpend", () => {
  it("prices tokens at cost_usd_per_1k_tokens: rate per hour, month to date at the month's average price", () => {
    const rows = platformSpend({
      price: [v({ model: "llama-3-70b", tenant: "prod" }, 0.06), v({ model: "llama-3-8b", tenant: "acme" }, 0.008)],
      priceMonth: [v({ model: "llama-3-70b", tenant: "prod" }, 0.05)],
      tokensRate: [v({ model: "llama-3-70b", tenant: "prod" }, 1000), v({ model: "llama-3-8b", tenant: "acme" }, 500)],
      tokensRateHour: [v({ model: "llama-3-70b", tenant: "prod" }, 2000)],
      tokensMonth: [v({ model: "llama-3-70b", tenant: "prod" }, 1_000_000), v({ model: "llama-3-8b", tenant: "acme" }, 2_000_000)],
    });
    expect(rows).toEqual([
      { model: "llama-3-70b", tenant: "prod", ratePerHour: 216, hourRatePerHour: 432, monthToDate: 50, source: "platform" },
      // No month average yet: the current price.
      { model: "llama-3-8b", tenant: "acme", ratePerHour: 14.4, hourRatePerHour: 0, monthToDate: 16, source: "platform" },
    ]);
  });

  it("skips prices without any tokens", () => {
    expect(platformSpend({ price: [v({ model: "m", tenant: "t" }, 1)], priceMonth: [], tokensRate: [], tokensRateHour: [], tokensMonth: [] })).toEqual([]);
  });
});

describe("priceTableSpend", () => {
  it("prices input and output tokens apart and leaves platform-priced models alone", () => {
    const rows = priceTableSpend({
      prices: [
        { model: "vllm-a", kind: "self_hosted", inputUsdPer1k: 0.001, outputUsdPer1k: 0.004 },
        { model: "llama-3-70b", kind: "api", inputUsdPer1k: 1, outputUsdPer1k: 1 },
        { model: "unused", kind: "api", inputUsdPer1k: 1, outputUsdPer1k: 1 },
      ],
      inputRate: [v({ model: "vllm-a" }, 100), v({ model: "llama-3-70b" }, 100)],
      outputRate: [v({ model: "vllm-a" }, 25)],
      inputMonth: [v({ model: "vllm-a" }, 1_000_000)],
      outputMonth: [v({ model: "vllm-a" }, 250_000)],
      skip: new Set(["llama-3-70b"]),
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ model: "vllm-a", tenant: UNATTRIBUTED, monthToDate: 2, source: "price-table" });
    expect(rows[0]?.ratePerHour).toBeCloseTo((100 * 0.001 + 25 * 0.004) * 3.6, 12);
  });
});

describe("groupSpend", () => {
  it("totals per group, forecasts with the hour rate and shows budgets without spend", () => {
    const row = (tenant: string, rate: number, hour: number, mtd: number) => ({ model: "m", tenant, ratePerHour: rate, hourRatePerHour: hour, monthToDate: mtd, source: "platform" as const });
    const groups = groupSpend([row("prod", 10, 12, 100), row("prod", 5, 3, 50), row("acme", 1, 1, 10)], (r) => r.tenant, 100, new Map([["prod", 1000], ["idle", 5]]));
    expect(groups).toEqual([
      { name: "prod", ratePerHour: 15, monthToDate: 150, forecast: 1650, budget: 1000, status: "over" },
      { name: "acme", ratePerHour: 1, monthToDate: 10, forecast: 110, budget: null, status: "none" },
      { name: "idle", ratePerHour: 0, monthToDate: 0, forecast: 0, budget: 5, status: "ok" },
    ]);
  });
});
