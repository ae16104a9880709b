import { describe, expect, it } from "vitest";
import { parseUrlState, refreshMs, serializeUrlState } from "./url-state";

const dashboard = { time: { from: "now-6h", to: "now" }, refresh: "off" as const };

describe("dashboard URL state", () => {
  it("falls back to the dashboard's settings", () => {
    expect(parseUrlState(new URLSearchParams(""), dashboard)).toEqual({ from: "now-6h", to: "now", timeZone: "browser", refresh: "off", variables: {} });
  });

  it("reads range, zone, refresh and repeated variables", () => {
    const state = parseUrlState(new URLSearchParams("from=now-1h&to=now&tz=utc&refresh=30s&var-job=a&var-job=b&var-model=x"), dashboard);
    expect(state).toEqual({ from: "now-1h", to: "now", timeZone: "utc", refresh: "30s", variables: { job: ["a", "b"], model: ["x"] } });
  });

  it("ignores a broken range and an unknown refresh", () => {
    const state = parseUrlState(new URLSearchParams("from=yesterday&to=now&refresh=1s"), dashboard);
    expect([state.from, state.refresh]).toEqual(["now-6h", "off"]);
  });

  it("round-trips and keeps unrelated parameters", () => {
    const state = parseUrlState(new URLSearchParams("from=1000000000000&to=1000000360000&var-job=a&var-job=b"), dashboard);
    const params = serializeUrlState(state, new URLSearchParams("edit=1&var-old=x"));
    expect(params.toString()).toBe("edit=1&from=1000000000000&to=1000000360000&refresh=off&var-job=a&var-job=b");
    expect(parseUrlState(params, dashboard)).toEqual(state);
  });

  it("converts refresh settings to milliseconds", () => {
    expect(refreshMs("off")).toBe(false);
    expect(refreshMs("5s")).toBe(5000);
    expect(refreshMs("5m")).toBe(300_000);
  });
});
