import { describe, expect, it } from "vitest";
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
});
