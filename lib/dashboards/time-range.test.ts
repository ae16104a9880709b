import { describe, expect, it } from "vitest";
import { describeRange, formatInstant, parseInstant, parseTimeExpression, resolveRange, zoomOut } from "./time-range";

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

describe("time ranges", () => {
  it("reads relative and absolute ends", () => {
    expect(parseTimeExpression("now", NOW)).toBe(NOW);
    expect(parseTimeExpression("now-6h", NOW)).toBe(NOW - 6 * 3600_000);
    expect(parseTimeExpression("now-1h30m", NOW)).toBe(NOW - 5400_000);
    expect(parseTimeExpression("1763726400000", NOW)).toBe(1763726400000);
    expect(parseTimeExpression("2026-11-21T10:00:00Z", NOW)).toBe(Date.UTC(2026, 10, 21, 10));
    expect(parseTimeExpression("now-", NOW)).toBeUndefined();
    expect(parseTimeExpression("now-5", NOW)).toBeUndefined();
    expect(parseTimeExpression("yesterday", NOW)).toBeUndefined();
  });

  it("falls back to six hours for a broken or inverted range", () => {
    expect(resolveRange("now-1h", "now", NOW)).toEqual({ fromMs: NOW - 3600_000, toMs: NOW });
    expect(resolveRange("now", "now-1h", NOW)).toEqual({ fromMs: NOW - 6 * 3600_000, toMs: NOW });
  });

  it("describes presets and absolute ranges", () => {
    expect(describeRange("now-6h", "now", "utc", NOW)).toBe("Last 6 hours");
    expect(describeRange("now-90m", "now", "utc", NOW)).toBe("Last 90m");
    expect(describeRange(String(NOW - 3600_000), String(NOW), "utc", NOW)).toBe("2026-11-21 11:00:00 to 2026-11-21 12:00:00");
  });

  it("round-trips typed instants in UTC", () => {
    expect(formatInstant(NOW, "utc")).toBe("2026-11-21 12:00:00");
    expect(parseInstant("2026-11-21 12:00:00", "utc")).toBe(NOW);
    expect(parseInstant("2026-11-21 12:00", "utc")).toBe(NOW);
    expect(parseInstant("tomorrow", "utc")).toBeUndefined();
  });

  it("zooms out around the range without passing now", () => {
    expect(zoomOut({ fromMs: NOW - 3600_000, toMs: NOW }, NOW)).toEqual({ fromMs: NOW - 3 * 3600_000, toMs: NOW });
  });
});
