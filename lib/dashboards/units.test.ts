import { describe, expect, it } from "vitest";
import { autoDecimals, formatValue, formatValueParts } from "./units";

describe("formatValue", () => {
  it("formats time units by their magnitude", () => {
    expect(formatValue(1.5, "s")).toBe("1.5 s");
    expect(formatValue(0.25, "s")).toBe("250 ms");
    expect(formatValue(350, "ms")).toBe("350 ms");
    expect(formatValue(2500, "ms")).toBe("2.5 s");
    expect(formatValue(90, "s")).toBe("1.5 min");
    expect(formatValue(7200, "s")).toBe("2 hour");
    expect(formatValue(12, "µs")).toBe("12 µs");
    expect(formatValue(1500, "µs")).toBe("1.5 ms");
  });

  it("formats bytes in IEC and SI", () => {
    expect(formatValue(1024, "bytes")).toBe("1 KiB");
    expect(formatValue(1.5 * 1024 ** 3, "bytes")).toBe("1.5 GiB");
    expect(formatValue(1500, "decbytes")).toBe("1.5 kB");
    expect(formatValue(12, "bytes")).toBe("12 B");
  });

  it("formats percentages", () => {
    expect(formatValue(99.5, "percent")).toBe("99.5%");
    expect(formatValue(0.995, "percentunit")).toBe("99.5%");
    expect(formatValue(0.5, "percentunit", 2)).toBe("50.00%");
  });

  it("formats rates, tokens and money", () => {
    expect(formatValue(1234, "reqps")).toBe("1.23k req/s");
    expect(formatValue(12, "ops")).toBe("12 ops/s");
    expect(formatValue(45.6, "tokens/s")).toBe("45.6 tokens/s");
    expect(formatValue(1.2, "currencyUSD")).toBe("$1.20");
    expect(formatValue(-3, "currencyUSD")).toBe("-$3.00");
    expect(formatValue(2500, "currencyUSD")).toBe("$2.5k");
  });

  it("uses short scale by default and plain numbers for none", () => {
    expect(formatValue(1_500_000)).toBe("1.5 M");
    expect(formatValue(0)).toBe("0");
    expect(formatValue(1_500_000, "none")).toBe("1500000");
    expect(formatValue(0.000123, "none")).toBe("0.000123");
  });

  it("honours fixed decimals", () => {
    expect(formatValue(1.23456, "short", 1)).toBe("1.2");
    expect(formatValue(1.5, "s", 0)).toBe("2 s");
    expect(formatValue(42, "none", 3)).toBe("42.000");
  });

  it("shows missing and infinite values", () => {
    expect(formatValue(null, "s")).toBe("—");
    expect(formatValue(Number.NaN, "s")).toBe("—");
    expect(formatValue(Number.POSITIVE_INFINITY, "bytes")).toBe("+Inf");
  });

  it("formats durations and instants", () => {
    expect(formatValue(3723, "dtdurations")).toBe("1h 2m 3s");
    expect(formatValue(Date.UTC(2026, 0, 2, 3, 4, 5), "dateTimeAsIso")).toBe("2026-01-02 03:04:05");
  });

  it("splits a value into prefix, number and suffix", () => {
    expect(formatValueParts(2048, "bytes")).toEqual({ prefix: "", text: "2", suffix: " KiB" });
    expect(formatValueParts(5, "currencyUSD")).toEqual({ prefix: "$", text: "5.00", suffix: "" });
  });

  it("picks about three significant digits", () => {
    expect(autoDecimals(123)).toBe(0);
    expect(autoDecimals(12.3)).toBe(1);
    expect(autoDecimals(1.23)).toBe(2);
    expect(autoDecimals(0.0123)).toBe(4);
  });
});
