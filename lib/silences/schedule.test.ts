import { describe, expect, it } from "vitest";
import { cronExpression, cronProblem, describeSchedule, nextOccurrences, occurrencesDue, scheduleProblem } from "./schedule";

const iso = (dates: Array<{ start: Date; end: Date }>) => dates.map((date) => [date.start.toISOString(), date.end.toISOString()]);

describe("maintenance window schedules", () => {
  const weekly = { schedule: { kind: "weekly" as const, days: [4, 1], time: "02:30" }, durationMinutes: 120, timezone: "Europe/Paris" };

  it("turns a weekly schedule into cron and describes it", () => {
    expect(cronExpression(weekly.schedule)).toBe("30 2 * * 1,4");
    expect(describeSchedule(weekly)).toBe("Mondays and Thursdays at 02:30 (Europe/Paris) for 2h");
  });

  it("computes the next occurrences in the window's time zone, across a daylight-saving change", () => {
    // 2026-10-25 is the end of summer time in Paris: 02:30 is UTC+2 before and UTC+1 after.
    expect(iso(nextOccurrences(weekly, new Date("2026-10-21T00:00:00Z"), 3))).toEqual([
      ["2026-10-22T00:30:00.000Z", "2026-10-22T02:30:00.000Z"],
      ["2026-10-26T01:30:00.000Z", "2026-10-26T03:30:00.000Z"],
      ["2026-10-29T01:30:00.000Z", "2026-10-29T03:30:00.000Z"],
    ]);
  });

  it("includes an occurrence that starts exactly at `from`", () => {
    const daily = { schedule: { kind: "cron" as const, expression: "0 3 * * *" }, durationMinutes: 60, timezone: "UTC" };
    expect(nextOccurrences(daily, new Date("2026-11-21T03:00:00Z"), 1)[0]?.start.toISOString()).toBe("2026-11-21T03:00:00.000Z");
  });

  it("finds the occurrences due: under way, or starting within the lead time", () => {
    const daily = { schedule: { kind: "cron" as const, expression: "0 3 * * *" }, durationMinutes: 60, timezone: "UTC" };
    expect(iso(occurrencesDue(daily, new Date("2026-11-21T03:59:00Z"), 0))).toEqual([["2026-11-21T03:00:00.000Z", "2026-11-21T04:00:00.000Z"]]);
    expect(occurrencesDue(daily, new Date("2026-11-21T04:00:00Z"), 0)).toEqual([]);
    expect(occurrencesDue(daily, new Date("2026-11-21T02:50:00Z"), 5 * 60_000)).toEqual([]);
    expect(iso(occurrencesDue(daily, new Date("2026-11-21T02:56:00Z"), 5 * 60_000))).toEqual([["2026-11-21T03:00:00.000Z", "2026-11-21T04:00:00.000Z"]]);
  });

  it("refuses malformed cron and overlapping occurrences", () => {
    expect(cronProblem("0 2 * *")).toMatch(/five fields/);
    expect(cronProblem("0 25 * * *")).toMatch(/Not a valid cron/);
    expect(cronProblem("*/15 * * * 1-5")).toBeUndefined();
    const overlapping = { schedule: { kind: "cron" as const, expression: "0 * * * *" }, durationMinutes: 90, timezone: "UTC" };
    expect(scheduleProblem(overlapping, new Date("2026-11-21T00:00:00Z"))).toMatch(/overlap/);
    expect(scheduleProblem(weekly, new Date("2026-11-21T00:00:00Z"))).toBeUndefined();
  });
});
