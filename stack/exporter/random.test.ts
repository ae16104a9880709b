import { describe, expect, it } from "vitest";
import { Noise, hashString, logNormal, mulberry32 } from "./random.ts";

describe("random", () => {
  it("mulberry32 repeats a sequence for a seed and differs across seeds", () => {
    const take = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    for (const value of take(99)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it("hashString is stable and spreads near-identical names", () => {
    expect(hashString("agent_ttft_ms")).toBe(hashString("agent_ttft_ms"));
    expect(hashString("gpu-node-1")).not.toBe(hashString("gpu-node-2"));
  });

  it("smooth noise stays in [-1, 1], moves gently and depends only on seed, key and time", () => {
    const noise = new Noise(42);
    const key = noise.key("series");
    let previous = noise.smooth(key, 0, 60);
    for (let t = 1; t < 1000; t += 1) {
      const value = noise.smooth(key, t, 60);
      expect(Math.abs(value)).toBeLessThanOrEqual(1);
      expect(Math.abs(value - previous)).toBeLessThan(0.1);
      previous = value;
    }
    expect(new Noise(42).wobble("series", 123.5)).toBe(noise.wobble("series", 123.5));
    expect(new Noise(43).wobble("series", 123.5)).not.toBe(noise.wobble("series", 123.5));
  });

  it("logNormal draws have the median and p95 they were asked for", () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 20_000 }, () => logNormal(random, 200, 350)).sort((a, b) => a - b);
    expect(draws[10_000]).toBeGreaterThan(190);
    expect(draws[10_000]).toBeLessThan(210);
    expect(draws[19_000]).toBeGreaterThan(335);
    expect(draws[19_000]).toBeLessThan(365);
  });
});
