import { describe, expect, it } from "vitest";
import { exceedsMaxDuration, formatDuration, parseDuration } from "@/lib/silences/duration";
import { maintenanceWindowBodySchema, silenceBodySchema, toAlertmanagerMatcher, toMatcherInput } from "./silences";

const future = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("silenceBodySchema", () => {
  const valid = { matchers: [{ name: "alertname", operator: "=", value: "GpuMemoryHigh" }], endsAt: future(60), comment: "Replacing the GPU" };

  it("accepts a sound silence", () => {
    expect(silenceBodySchema.safeParse(valid).success).toBe(true);
  });

  it("names the field of each problem", () => {
    expect(issues(silenceBodySchema.safeParse({ ...valid, matchers: [{ name: "team", operator: "=~", value: "ml(" }] }))).toEqual([
      expect.stringMatching(/^matchers\.0\.value: invalid regex "ml\("/),
    ]);
    expect(issues(silenceBodySchema.safeParse({ ...valid, matchers: [{ name: "1team", operator: "=", value: "x" }] }))[0]).toMatch(/^matchers\.0\.name: /);
    expect(issues(silenceBodySchema.safeParse({ ...valid, matchers: [{ name: "team", operator: "=~", value: ".*" }] }))).toEqual([
      "matchers: at least one matcher must not match the empty string",
    ]);
    expect(issues(silenceBodySchema.safeParse({ ...valid, comment: "  " }))[0]).toMatch(/^comment: A comment is required/);
    expect(issues(silenceBodySchema.safeParse({ ...valid, endsAt: "tomorrow" }))[0]).toMatch(/^endsAt: endsAt must be an RFC 3339/);
    expect(issues(silenceBodySchema.safeParse({ ...valid, startsAt: future(120) }))).toEqual(["endsAt: The end must be after the start."]);
    expect(issues(silenceBodySchema.safeParse({ ...valid, createdBy: "someone else" }))[0]).toMatch(/createdBy|Unrecognized/);
  });

  it("converts editor rows to Alertmanager matchers and back", () => {
    for (const operator of ["=", "!=", "=~", "!~"] as const) {
      const row = { name: "a", operator, value: "b" };
      expect(toMatcherInput(toAlertmanagerMatcher(row))).toEqual(row);
    }
  });
});

describe("durations", () => {
  it("parses and formats", () => {
    expect(parseDuration("1h")).toBe(3_600_000);
    expect(parseDuration("1d12h")).toBe(36 * 3_600_000);
    expect(parseDuration("2w")).toBe(14 * 86_400_000);
    expect(parseDuration("0m")).toBeUndefined();
    expect(parseDuration("1.5h")).toBeUndefined();
    expect(formatDuration(8 * 86_400_000 + 3_600_000 + 60_000)).toBe("1w 1d 1h 1m");
  });

  it("names the limit when a silence is too long", () => {
    expect(exceedsMaxDuration(0, 8 * 86_400_000, 7 * 86_400_000)).toBe(
      "A silence may last at most 1w (VIGIL_SILENCE_MAX_DURATION); this one lasts 1w 1d.",
    );
    expect(exceedsMaxDuration(0, 7 * 86_400_000, 7 * 86_400_000)).toBeUndefined();
    expect(exceedsMaxDuration(0, 70 * 86_400_000, undefined)).toBeUndefined();
  });
});

describe("maintenanceWindowBodySchema", () => {
  const valid = {
    name: "Weekly GPU maintenance",
    schedule: { kind: "weekly", days: [6], time: "02:00" },
    durationMinutes: 120,
    timezone: "Europe/Paris",
    matchers: [{ name: "service", operator: "=", value: "neuronetes" }],
    comment: "Driver updates",
  };
  it("accepts a window and defaults enabled", () => {
    expect(maintenanceWindowBodySchema.parse(valid).enabled).toBe(true);
  });
  it("refuses a bad time zone, a bad cron and overlaps, by field", () => {
    expect(issues(maintenanceWindowBodySchema.safeParse({ ...valid, timezone: "Mars/Olympus" }))[0]).toMatch(/^timezone: /);
    expect(issues(maintenanceWindowBodySchema.safeParse({ ...valid, schedule: { kind: "cron", expression: "0 2 * *" } }))[0]).toMatch(/^schedule\.expression: /);
    expect(issues(maintenanceWindowBodySchema.safeParse({ ...valid, schedule: { kind: "cron", expression: "0 * * * *" } }))[0]).toMatch(/^durationMinutes: Occurrences would overlap/);
  });
  it("refuses an out-of-range weekly time or day by field, without reaching the schedule check (found by the mutation-route property test)", () => {
    expect(issues(maintenanceWindowBodySchema.safeParse({ ...valid, schedule: { kind: "weekly", days: [6], time: "25:00" } }))).toEqual([
      "schedule.time: The start time must be HH:MM, 24-hour clock.",
    ]);
    expect(issues(maintenanceWindowBodySchema.safeParse({ ...valid, schedule: { kind: "weekly", days: [9], time: "02:00" } }))[0]).toMatch(/^schedule\.days\.0: /);
  });
});
