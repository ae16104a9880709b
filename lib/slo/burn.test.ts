import { describe, expect, it } from "vitest";
import { ALERT_CONDITIONS, alertConditions, burnThreshold, elapsedWindowSeconds, monthStart, windowSeconds } from "./burn";
import { perBurnWindow, type BurnWindow } from "./model";

const DAY = 86_400;

describe("workbook burn-rate thresholds", () => {
  it("are 14.4, 6, 3 and 1 for a 30-day window", () => {
    expect(ALERT_CONDITIONS.map((condition) => burnThreshold(condition, 30 * DAY))).toEqual([14.4, 6, 3, 1]);
  });

  it("scale with the window, keeping the budget shares", () => {
    expect(ALERT_CONDITIONS.map((condition) => burnThreshold(condition, 28 * DAY))).toEqual([13.44, 5.6, 2.8, 0.933333]);
    expect(ALERT_CONDITIONS.map((condition) => burnThreshold(condition, 7 * DAY))).toEqual([3.36, 1.4, 0.7, 0.233333]);
  });
});

function rates(values: Partial<Record<BurnWindow, number | null>>): Record<BurnWindow, number | null> {
  return perBurnWindow((window) => values[window] ?? 0);
}

describe("alert state", () => {
  it("pages only when both the long and the short window burn", () => {
    const both = alertConditions(rates({ "1h": 15, "5m": 20 }), 30 * DAY);
    expect(both.filter((condition) => condition.firing).map((condition) => `${condition.long}/${condition.short}`)).toEqual(["1h/5m"]);
    const recovered = alertConditions(rates({ "1h": 15, "5m": 2 }), 30 * DAY);
    expect(recovered.some((condition) => condition.firing)).toBe(false);
  });

  it("tickets on a slow steady burn", () => {
    const slow = alertConditions(rates({ "3d": 1.5, "6h": 1.2, "1d": 1.5, "2h": 1.5 }), 30 * DAY);
    expect(slow.filter((condition) => condition.firing).map((condition) => condition.severity)).toEqual(["ticket"]);
  });

  it("never fires on a window without data", () => {
    const silent = alertConditions(perBurnWindow(() => null), 30 * DAY);
    expect(silent.some((condition) => condition.firing)).toBe(false);
    const half = alertConditions(rates({ "1h": 100, "5m": null }), 30 * DAY);
    expect(half.some((condition) => condition.firing)).toBe(false);
  });
});

describe("calendar month", () => {
  it("spans the current month and reaches back to its first day", () => {
    const now = new Date("2026-02-10T12:00:00Z");
    expect(monthStart(now).toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(windowSeconds({ kind: "calendar-month" }, now)).toBe(28 * DAY);
    expect(elapsedWindowSeconds({ kind: "calendar-month" }, now)).toBe(9.5 * DAY);
    expect(elapsedWindowSeconds({ kind: "rolling", days: 7 }, now)).toBe(7 * DAY);
  });
});
