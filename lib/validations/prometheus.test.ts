import { describe, expect, it } from "vitest";
import { instantQuerySchema, rangeQuerySchema, sourceQuerySchema } from "./prometheus";

describe("the source parameter", () => {
  it("is optional, and an empty one means the default source", () => {
    expect(instantQuerySchema.parse({ query: "up" }).source).toBeUndefined();
    expect(sourceQuerySchema.parse({ source: "" }).source).toBeUndefined();
    expect(rangeQuerySchema.parse({ query: "up", start: "1", end: "2", step: "1", source: "vm" }).source).toBe("vm");
  });

  it("refuses what cannot be a source name, naming the field", () => {
    const result = instantQuerySchema.safeParse({ query: "up", source: "../admin" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["source"]);
  });
});
