import { describe, expect, it } from "vitest";
import { formatPct, formatPerHour, formatUsd } from "./format";

describe("cost formatting", () => {
  it("shows dollars with the decimals small amounts need", () => {
    expect(formatUsd(1234.5)).toBe("$1,235");
    expect(formatUsd(12.345)).toBe("$12.35");
    expect(formatUsd(0.06)).toBe("$0.0600");
    expect(formatUsd(0.008)).toBe("$0.0080");
    expect(formatUsd(0.0001234)).toBe("$0.000123");
    expect(formatUsd(0)).toBe("$0.00");
    expect(formatUsd(-3)).toBe("-$3.00");
    expect(formatUsd(null)).toBe("—");
    expect(formatUsd(Number.NaN)).toBe("—");
  });

  it("formats percentages and hourly volumes", () => {
    expect(formatPct(42.46, 1)).toBe("42.5 %");
    expect(formatPct(null)).toBe("—");
    expect(formatPerHour(1_250_000, "in")).toBe("1.3M in/h");
    expect(formatPerHour(5, "req")).toBe("5.0 req/h");
  });
});
