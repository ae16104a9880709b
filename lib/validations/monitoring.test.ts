import { describe, expect, it } from "vitest";
import { cardinalityParamsSchema, topkParamsSchema } from "./monitoring";

describe("monitoring query parameters", () => {
  it("defaults and bounds the cardinality limit", () => {
    expect(cardinalityParamsSchema.parse({})).toEqual({ limit: 20 });
    expect(cardinalityParamsSchema.parse({ limit: "50" })).toEqual({ limit: 50 });
    expect(cardinalityParamsSchema.safeParse({ limit: "0" }).error?.issues[0]?.message).toBe("limit must be at least 1");
    expect(cardinalityParamsSchema.safeParse({ limit: "x" }).success).toBe(false);
  });

  it("bounds the full scan's timeout", () => {
    expect(topkParamsSchema.parse({})).toEqual({ timeout: 20 });
    expect(topkParamsSchema.safeParse({ timeout: "500" }).error?.issues[0]?.message).toBe("timeout must be at most 120 seconds");
  });
});
