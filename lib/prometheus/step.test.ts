import { describe, expect, it } from "vitest";
import { MAX_POINTS_PER_SERIES } from "@/lib/validations/prometheus";
import { chooseStep } from "./step";

describe("chooseStep", () => {
  it("gives about one point per pixel, rounded up to a nice step", () => {
    // 1 h over 600 px is 6 s per pixel; the next nice step is 10 s.
    expect(chooseStep({ rangeSeconds: 3600, widthPx: 600 })).toBe(10);
  });

  it("never goes below the scrape interval", () => {
    expect(chooseStep({ rangeSeconds: 300, widthPx: 1000, minStepSeconds: 15 })).toBe(15);
  });

  it("never exceeds Prometheus's point limit, even on a very wide screen", () => {
    const range = 400 * 86_400;
    const step = chooseStep({ rangeSeconds: range, widthPx: 1_000_000 });
    expect(range / step).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });

  it("rounds steps beyond a day to whole days", () => {
    expect(chooseStep({ rangeSeconds: 10 * 365 * 86_400, widthPx: 100 })).toBe(37 * 86_400);
  });

  it("treats a zero width as one pixel", () => {
    expect(chooseStep({ rangeSeconds: 60, widthPx: 0 })).toBe(60);
  });
});
