import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration, formatNumber } from "./format";

describe("formatDuration", () => {
  it.each([
    [0.25, "250ms"],
    [1, "1s"],
    [45, "45s"],
    [61, "1m 1s"],
    [3600, "1h"],
    [3 * 3600 + 12 * 60 + 5, "3h 12m"],
    [2 * 86_400 + 3600, "2d 1h"],
    [Infinity, "—"],
  ])("%d s is %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe("formatAgo", () => {
  it("says just now under a second", () => {
    expect(formatAgo(1000, 1500)).toBe("just now");
  });
  it("says how long ago", () => {
    expect(formatAgo(0, 300_000)).toBe("5m ago");
  });
});

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [0.0512, "0.051"],
    [1.5, "1.5"],
    [2, "2"],
    [150.4, "150"],
    [1234, "1.2k"],
    [3_400_000, "3.4M"],
    [Infinity, "+Inf"],
    [-Infinity, "-Inf"],
    [NaN, "—"],
    [null, "—"],
  ])("%s is %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
