import { describe, expect, it } from "vitest";
import { formatDuration, humanDuration, parseDuration } from "./duration";

describe("durations", () => {
  it("parses Prometheus durations", () => {
    expect(parseDuration("30d")).toBe(2_592_000);
    expect(parseDuration("2h30m")).toBe(9000);
    expect(parseDuration("15d")).toBe(1_296_000);
    expect(parseDuration("0s")).toBe(0);
    expect(parseDuration("1y")).toBe(31_536_000);
    expect(parseDuration("thirty days")).toBeUndefined();
    expect(parseDuration("")).toBeUndefined();
  });

  it("formats whole seconds with the largest exact unit", () => {
    expect(formatDuration(2_592_000)).toBe("30d");
    expect(formatDuration(5400)).toBe("90m");
    expect(formatDuration(61)).toBe("61s");
  });

  it("reads well for people", () => {
    expect(humanDuration(90_000)).toBe("1 d 1 h");
    expect(humanDuration(2700)).toBe("45 min");
    expect(humanDuration(20)).toBe("20 s");
    expect(humanDuration(Number.POSITIVE_INFINITY)).toBe("never");
  });
});
