import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromLocalInput, toLocalInput } from "./local-time";

describe("datetime-local conversion", () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    // A zone with a non-hour offset catches code that assumes whole hours.
    process.env.TZ = "Asia/Kolkata";
  });
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("reads local wall-clock time as an instant in the local zone", () => {
    expect(fromLocalInput("2026-11-21T09:30")).toBe("2026-11-21T04:00:00.000Z");
    expect(fromLocalInput("2026-11-21T09:30:15")).toBe("2026-11-21T04:00:15.000Z");
  });

  it("writes an instant as local wall-clock time to the minute", () => {
    expect(toLocalInput("2026-11-21T04:00:59.000Z")).toBe("2026-11-21T09:30");
    expect(toLocalInput(fromLocalInput("2026-02-28T23:45"))).toBe("2026-02-28T23:45");
  });

  it.each(["", "2026-11-21", "yesterday", "2026-13-01T00:00", "2026-11-21T09:30Z"])("gives nothing for %j", (value) => {
    expect(fromLocalInput(value)).toBeUndefined();
  });

  it("gives an empty field for nothing or garbage", () => {
    expect(toLocalInput(undefined)).toBe("");
    expect(toLocalInput("garbage")).toBe("");
  });
});
