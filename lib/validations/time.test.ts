import { describe, expect, it } from "vitest";
import { rangeQuerySchema } from "./prometheus";
import { parseDuration, parseTimestamp } from "./time";

describe("parseDuration", () => {
  it.each([
    ["15s", 15],
    ["1m", 60],
    ["1h30m", 5400],
    ["500ms", 0.5],
    ["2d", 172_800],
    ["30", 30],
    ["0.5", 0.5],
  ])("%s is %d s", (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(["", "1x", "m", "1h 30m", "-5s", "1.5m"])("rejects %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("parseTimestamp", () => {
  it("reads Unix seconds with a fraction", () => {
    expect(parseTimestamp("1700000000.5")).toBe(1_700_000_000.5);
  });
  it("reads RFC 3339", () => {
    expect(parseTimestamp("2023-11-14T22:13:20Z")).toBe(1_700_000_000);
  });
  it("rejects other text", () => {
    expect(parseTimestamp("yesterday")).toBeUndefined();
    expect(parseTimestamp("2023-13-45T99:00:00Z")).toBeUndefined();
  });
});

describe("rangeQuerySchema", () => {
  it("accepts a valid range", () => {
    const parsed = rangeQuerySchema.parse({ query: "up", start: "1000", end: "2000", step: "15s" });
    expect(parsed).toEqual({ query: "up", start: 1000, end: 2000, step: 15 });
  });

  it("names the parameter and the smallest allowed step when there are too many points", () => {
    const result = rangeQuerySchema.safeParse({ query: "up", start: "0", end: "86400", step: "1s" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(["step"]);
    expect(issue?.message).toContain("at least 8s");
  });

  it("rejects an empty query and an end before the start", () => {
    const result = rangeQuerySchema.safeParse({ query: " ", start: "10", end: "5", step: "1" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["query", "end"]);
  });
});
