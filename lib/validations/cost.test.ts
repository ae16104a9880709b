import { describe, expect, it } from "vitest";
import { budgetSchema, heatmapParamsSchema, modelPriceSchema } from "./cost";

describe("cost validations", () => {
  it("accepts a budget and names the field of a bad one", () => {
    expect(budgetSchema.parse({ tenant: " prod ", monthlyUsd: 5000 })).toEqual({ tenant: "prod", monthlyUsd: 5000 });
    expect(budgetSchema.safeParse({ tenant: "prod", monthlyUsd: 0 }).error?.issues[0]?.path).toEqual(["monthlyUsd"]);
    expect(budgetSchema.safeParse({ tenant: "", monthlyUsd: 1 }).error?.issues[0]?.message).toBe("tenant is required");
    expect(budgetSchema.safeParse({ tenant: "a\u0000b", monthlyUsd: 1 }).success).toBe(false);
    expect(budgetSchema.safeParse({ tenant: "a", monthlyUsd: 1, extra: true }).success).toBe(false);
  });

  it("accepts a model price and refuses negative or unknown kinds", () => {
    expect(modelPriceSchema.safeParse({ model: "m", kind: "api", inputUsdPer1k: 0, outputUsdPer1k: 0.01 }).success).toBe(true);
    expect(modelPriceSchema.safeParse({ model: "m", kind: "free", inputUsdPer1k: 0, outputUsdPer1k: 0 }).error?.issues[0]?.path).toEqual(["kind"]);
    expect(modelPriceSchema.safeParse({ model: "m", kind: "api", inputUsdPer1k: -1, outputUsdPer1k: 0 }).success).toBe(false);
  });

  it("bounds the heatmap window", () => {
    expect(heatmapParamsSchema.parse({})).toEqual({ range: 21600 });
    expect(heatmapParamsSchema.parse({ range: "3600" })).toEqual({ range: 3600 });
    expect(heatmapParamsSchema.safeParse({ range: "10" }).success).toBe(false);
    expect(heatmapParamsSchema.safeParse({ range: "abc" }).success).toBe(false);
  });
});
