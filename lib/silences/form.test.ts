import { describe, expect, it } from "vitest";
import { toLocalInput } from "@/lib/audit/local-time";
import { buildSilenceBody } from "./form";

// The schema refuses an end in the past by the real clock, so the form's "now" is the real one too.
const now = Math.floor(Date.now() / 60_000) * 60_000;
const matchers = [{ name: "alertname", operator: "=" as const, value: "GpuMemoryHigh" }];

describe("buildSilenceBody", () => {
  it("turns a duration preset into an end time from now", () => {
    const built = buildSilenceBody({ matchers, timing: { mode: "duration", duration: "2h" }, comment: "GPU swap" }, now, null);
    expect(built).toEqual({ ok: true, body: { matchers, endsAt: new Date(now + 2 * 3_600_000).toISOString(), comment: "GPU swap" } });
  });

  it("reports each problem under its field before anything is sent", () => {
    const built = buildSilenceBody(
      { matchers: [{ name: "team", operator: "=~", value: "ml(" }], timing: { mode: "duration", duration: "soon" }, comment: "" },
      now,
      null,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual(["comment", "duration", "matchers.0.value"]);
    expect(built.errors["matchers.0.value"]?.[0]).toMatch(/invalid regex "ml\("/);
  });

  it("refuses an end time that cannot be read, and a silence longer than the maximum", () => {
    const noEnd = buildSilenceBody({ matchers, timing: { mode: "end", endsAtLocal: "" }, comment: "x" }, now, null);
    expect(noEnd).toEqual({ ok: false, errors: { endsAt: ["Pick an end date and time."] } });
    const tooLong = buildSilenceBody({ matchers, timing: { mode: "duration", duration: "2w" }, comment: "x" }, now, 7 * 86_400_000);
    expect(tooLong).toEqual({
      ok: false,
      errors: { duration: ["A silence may last at most 1w (VIGIL_SILENCE_MAX_DURATION); this one lasts 2w."] },
    });
  });

  describe("a start in the future (a pending silence)", () => {
    const local = (ms: number) => toLocalInput(new Date(ms).toISOString());
    const tomorrow = now + 86_400_000;

    it("sends the start, and counts a duration from it", () => {
      const built = buildSilenceBody({ matchers, timing: { mode: "duration", duration: "4h" }, startsAtLocal: local(tomorrow), comment: "kernel upgrade" }, now, null);
      expect(built).toEqual({
        ok: true,
        body: { matchers, startsAt: new Date(tomorrow).toISOString(), endsAt: new Date(tomorrow + 4 * 3_600_000).toISOString(), comment: "kernel upgrade" },
      });
    });

    it("refuses an end before the start, under the end field", () => {
      const built = buildSilenceBody({ matchers, timing: { mode: "end", endsAtLocal: local(tomorrow - 3_600_000) }, startsAtLocal: local(tomorrow), comment: "x" }, now, null);
      expect(built).toEqual({ ok: false, errors: { endsAt: ["The end must be after the start."] } });
    });

    it("enforces the maximum duration from the start, not from now", () => {
      const week = 7 * 86_400_000;
      const fits = buildSilenceBody({ matchers, timing: { mode: "end", endsAtLocal: local(tomorrow + week) }, startsAtLocal: local(tomorrow), comment: "x" }, now, week);
      expect(fits.ok).toBe(true);
      const tooLong = buildSilenceBody({ matchers, timing: { mode: "end", endsAtLocal: local(tomorrow + week + 3_600_000) }, startsAtLocal: local(tomorrow), comment: "x" }, now, week);
      expect(tooLong).toEqual({ ok: false, errors: { endsAt: ["A silence may last at most 1w (VIGIL_SILENCE_MAX_DURATION); this one lasts 1w 1h."] } });
    });

    it("refuses a start that cannot be read or is in the past", () => {
      const unreadable = buildSilenceBody({ matchers, timing: { mode: "duration", duration: "1h" }, startsAtLocal: "tomorrow", comment: "x" }, now, null);
      expect(unreadable).toEqual({ ok: false, errors: { startsAt: ["Pick a start date and time, or clear it to start now."] } });
      const past = buildSilenceBody({ matchers, timing: { mode: "duration", duration: "1h" }, startsAtLocal: local(now - 3_600_000), comment: "x" }, now, null);
      expect(past).toEqual({ ok: false, errors: { startsAt: ["The start is in the past: clear it to start now."] } });
    });
  });
});
