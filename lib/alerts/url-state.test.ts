import { describe, expect, it } from "vitest";
import { readViewState, withViewState, writeViewState } from "./url-state";

describe("the alert page's URL", () => {
  it("has defaults that write as an empty query string", () => {
    const state = readViewState(new URLSearchParams(""));
    expect(state).toEqual({ q: "", groupBy: ["alertname"], sort: "severity", states: [], alert: undefined });
    expect(writeViewState(state)).toBe("");
  });

  it("round-trips every field", () => {
    const query = 'q=severity%3D%22critical%22+gpu&group=service%2Cinstance&sort=label%3Ainstance&state=silenced%2Cunacknowledged&alert=f570c1a6a464a140';
    const state = readViewState(new URLSearchParams(query));
    expect(state).toEqual({
      q: 'severity="critical" gpu',
      groupBy: ["service", "instance"],
      sort: "label:instance",
      states: ["silenced", "unacknowledged"],
      alert: "f570c1a6a464a140",
    });
    expect(readViewState(new URLSearchParams(writeViewState(state)))).toEqual(state);
  });

  it("reads group=- as no grouping and drops malformed values", () => {
    const state = readViewState(new URLSearchParams("group=-&sort=label:1bad&state=bogus,active&alert=<script>"));
    expect(state).toMatchObject({ groupBy: [], sort: "severity", states: ["active"], alert: undefined });
    expect(writeViewState(state)).toBe("group=-&state=active");
  });
});

describe("withViewState", () => {
  it("replaces the view and keeps other parameters", () => {
    const state = readViewState(new URLSearchParams("q=x"));
    expect(withViewState("refresh=30s&q=old&alert=abc", { ...state, q: "new" })).toBe("refresh=30s&q=new");
  });
});
