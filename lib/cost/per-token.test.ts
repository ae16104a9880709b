import { describe, expect, it } from "vitest";
import { costPer1kTokens, costPerGoodRequest } from "./per-token";

const v = (labels: Record<string, string>, value: number) => ({ labels, value });

describe("costPer1kTokens", () => {
  const base = {
    platformPrice: [v({ model: "a", tenant: "t1" }, 0.06), v({ model: "a", tenant: "t2" }, 0.12)],
    tokensRate: [v({ model: "a", tenant: "t1" }, 300), v({ model: "a", tenant: "t2" }, 100)],
    inputRate: [v({ model: "a" }, 300), v({ model: "b" }, 50), v({ model: "c" }, 10)],
    outputRate: [v({ model: "a" }, 100), v({ model: "b" }, 40)],
    fleetGpuHourly: 36,
  };

  it("uses the price table first, then the platform's blended price, then OpenCost", () => {
    const rows = costPer1kTokens({ ...base, prices: [{ model: "c", kind: "api", inputUsdPer1k: 0.003, outputUsdPer1k: 0.015 }] });
    expect(rows.map((row) => [row.model, row.source])).toEqual([
      ["a", "platform"],
      ["b", "opencost"],
      ["c", "price-table"],
    ]);
    // Token-weighted: (0.06 × 300 + 0.12 × 100) / 400.
    expect(rows[0]?.inputPer1k).toBeCloseTo(0.075, 12);
    expect(rows[0]?.outputPer1k).toBeCloseTo(0.075, 12);
    // $36/h over (300 + 50 + 10 + 100 + 40) tokens/s × 3600 → per 1K.
    expect(rows[1]?.inputPer1k).toBeCloseTo((36 / (500 * 3600)) * 1000, 12);
    expect(rows[2]).toMatchObject({ inputPer1k: 0.003, outputPer1k: 0.015, detail: "price table (API-priced)", inputTokensPerHour: 36_000, outputTokensPerHour: 0 });
  });

  it("has no OpenCost figure without OpenCost", () => {
    const rows = costPer1kTokens({ ...base, prices: [], fleetGpuHourly: null });
    expect(rows.find((row) => row.model === "b")).toMatchObject({ source: "opencost", inputPer1k: null });
  });
});

describe("costPerGoodRequest", () => {
  it("divides the model's hourly cost by its good events per hour", () => {
    const rows = costPerGoodRequest([
      { model: "b", costPerHour: 36, costSource: "s", goodPerSecond: 0.01, goodEvents: "g" },
      { model: "a", costPerHour: null, costSource: "none", goodPerSecond: 1, goodEvents: "g" },
      { model: "c", costPerHour: 5, costSource: "s", goodPerSecond: 0, goodEvents: "g" },
    ]);
    expect(rows.map((row) => [row.model, row.usdPerGoodRequest])).toEqual([
      ["a", null],
      ["b", 1],
      ["c", null],
    ]);
  });
});
