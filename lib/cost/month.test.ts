import { describe, expect, it } from "vitest";
import { budgetStatus, forecastMonth, monthWindow, runRateMonth } from "./month";

describe("monthWindow", () => {
  it("spans the UTC calendar month and counts the hours left", () => {
    const window = monthWindow(Date.UTC(2026, 10, 21, 6, 0, 0));
    expect(window.label).toBe("2026-11");
    expect(window.startMs).toBe(Date.UTC(2026, 10, 1));
    expect(window.endMs).toBe(Date.UTC(2026, 11, 1));
    expect(window.hoursInMonth).toBe(720);
    expect(window.elapsedSeconds).toBe((20 * 24 + 6) * 3600);
    expect(window.remainingHours).toBe(720 - 20 * 24 - 6);
  });

  it("handles December and leap Februaries, and never counts zero seconds elapsed", () => {
    expect(monthWindow(Date.UTC(2026, 11, 31, 23)).endMs).toBe(Date.UTC(2027, 0, 1));
    expect(monthWindow(Date.UTC(2028, 1, 10)).hoursInMonth).toBe(29 * 24);
    expect(monthWindow(Date.UTC(2026, 0, 1)).elapsedSeconds).toBe(1);
  });
});

describe("forecasts and budgets", () => {
  it("adds the hourly rate for the hours left to what was spent", () => {
    expect(forecastMonth(1000, 2.5, 100)).toBe(1250);
    expect(runRateMonth(2.5, 720)).toBe(1800);
  });

  it("rates a forecast against a budget", () => {
    expect(budgetStatus(100, null)).toBe("none");
    expect(budgetStatus(100, 200)).toBe("ok");
    expect(budgetStatus(180, 200)).toBe("near");
    expect(budgetStatus(200.01, 200)).toBe("over");
  });
});
