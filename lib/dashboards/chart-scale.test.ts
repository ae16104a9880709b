import { describe, expect, it } from "vitest";
import { nearestIndex, niceTicks, timeTickLabel, timeTicks, valueRange } from "./chart-scale";

describe("valueRange", () => {
  it("spans the finite values, optionally from zero, and honours fixed ends", () => {
    expect(valueRange([[1, null, 5], [3, Number.NaN]])).toEqual({ min: 1, max: 5 });
    expect(valueRange([[1, 5]], { includeZero: true })).toEqual({ min: 0, max: 5 });
    expect(valueRange([[1, 5]], { min: 0, max: 100 })).toEqual({ min: 0, max: 100 });
    expect(valueRange([])).toEqual({ min: 0, max: 1 });
    expect(valueRange([[0, 0]])).toEqual({ min: 0, max: 1 });
  });
});

describe("niceTicks", () => {
  it("picks round steps and widens to whole ticks", () => {
    expect(niceTicks({ min: 0, max: 97 }, 5)).toEqual({ ticks: [0, 20, 40, 60, 80, 100], min: 0, max: 100 });
    expect(niceTicks({ min: 0.013, max: 0.087 }, 4).ticks).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(niceTicks({ min: 0, max: 0.09 }, 4).ticks).toEqual([0, 0.025, 0.05, 0.075, 0.1]);
    expect(niceTicks({ min: 0, max: 1 }, 4, { fixedMax: true }).max).toBe(1);
  });
});

describe("time ticks", () => {
  it("falls on round boundaries", () => {
    const from = Date.UTC(2026, 0, 1, 10, 7);
    const ticks = timeTicks(from, from + 6 * 3600_000, 6);
    expect(ticks[0]).toBe(Date.UTC(2026, 0, 1, 11));
    expect(ticks.every((tick) => tick % 3600_000 === 0)).toBe(true);
  });

  it("labels by span", () => {
    const t = Date.UTC(2026, 0, 2, 3, 4, 5);
    expect(timeTickLabel(t, 3600_000, "utc")).toBe("03:04");
    expect(timeTickLabel(t, 60_000, "utc")).toBe("03:04:05");
    expect(timeTickLabel(t, 7 * 86_400_000, "utc")).toBe("01/02");
  });
});

describe("nearestIndex", () => {
  it("finds the closest timestamp", () => {
    expect(nearestIndex([0, 10, 20], 14)).toBe(1);
    expect(nearestIndex([0, 10, 20], 16)).toBe(2);
    expect(nearestIndex([0, 10, 20], -5)).toBe(0);
    expect(nearestIndex([0, 10, 20], 99)).toBe(2);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});
