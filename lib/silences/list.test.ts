import { describe, expect, it } from "vitest";
import { DEFAULT_SILENCE_STATES, silenceFiltersFromParams, silenceFiltersToParams } from "@/lib/validations/silences";
import { describeTimeLeft, filterSilences, humanize } from "./list";
import { recordedSilences } from "./silences.fixtures";

const filters = (overrides: Partial<ReturnType<typeof silenceFiltersFromParams>> = {}) => ({
  states: ["active", "pending", "expired"] as Array<"active" | "pending" | "expired">,
  matchers: "",
  text: "",
  creator: "",
  ...overrides,
});

const ids = (result: ReturnType<typeof filterSilences>) => (result.ok ? result.silences.map((silence) => silence.id.slice(0, 8)) : result.error);

describe("filterSilences over the recorded silences", () => {
  it("filters by state and sorts active, pending, expired", () => {
    expect(ids(filterSilences(recordedSilences, filters()))).toEqual(["213ceaf8", "ff07ab56", "af52c182"]);
    expect(ids(filterSilences(recordedSilences, filters({ states: ["expired"] })))).toEqual(["af52c182"]);
  });

  it("applies matchers as Alertmanager's silence filter does (against the silence's own matchers)", () => {
    expect(ids(filterSilences(recordedSilences, filters({ matchers: 'alertname="GpuMemoryHigh"' })))).toEqual(["213ceaf8"]);
    // The pending silence holds service=~"agent-.*": its label set reads service="agent-.*".
    expect(ids(filterSilences(recordedSilences, filters({ matchers: 'service=~"agent.*"' })))).toEqual(["ff07ab56"]);
    expect(filterSilences(recordedSilences, filters({ matchers: "service=~(" }))).toMatchObject({ ok: false });
  });

  it("filters by free text and creator, case-insensitively", () => {
    expect(ids(filterSilences(recordedSilences, filters({ text: "gpu; the PART" })))).toEqual(["213ceaf8"]);
    expect(ids(filterSilences(recordedSilences, filters({ creator: "RELEASE" })))).toEqual(["ff07ab56"]);
  });
});

describe("the filters in the URL", () => {
  it("round-trip and leave the defaults out", () => {
    const parsed = silenceFiltersFromParams(new URLSearchParams("state=expired,bogus&matchers=a%3D%22b%22&q=gpu&creator=ann"));
    expect(parsed).toEqual({ states: ["expired"], matchers: 'a="b"', text: "gpu", creator: "ann" });
    expect(silenceFiltersFromParams(new URLSearchParams(silenceFiltersToParams(parsed)))).toEqual(parsed);
    expect(silenceFiltersToParams({ states: DEFAULT_SILENCE_STATES, matchers: "", text: "", creator: "" })).toBe("");
  });
});

describe("time left", () => {
  it("describes active, pending and expired silences", () => {
    const now = Date.parse("2026-11-21T08:00:00Z");
    expect(describeTimeLeft({ startsAt: "2026-11-21T07:00:00Z", endsAt: "2026-11-21T11:20:00Z", status: { state: "active" } }, now)).toBe("3h 20m left");
    expect(describeTimeLeft({ startsAt: "2026-11-23T08:00:00Z", endsAt: "2026-11-24T08:00:00Z", status: { state: "pending" } }, now)).toBe("starts in 2d");
    expect(describeTimeLeft({ startsAt: "2026-11-21T07:00:00Z", endsAt: "2026-11-21T07:59:30Z", status: { state: "expired" } }, now)).toBe("ended 30s ago");
    expect(humanize(15 * 86_400_000)).toBe("2w");
  });
});
