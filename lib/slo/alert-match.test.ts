import { describe, expect, it } from "vitest";
import { rowsForAlert, sloHref, sloMatchesAlert } from "./alert-match";

describe("SLOs of an alert", () => {
  it("follow slo_id first, then service", () => {
    const slo = { id: "svc--a", service: "svc" };
    expect(sloMatchesAlert(slo, { slo_id: "svc--a" })).toBe(true);
    expect(sloMatchesAlert(slo, { slo_id: "svc--b", service: "svc" })).toBe(false);
    expect(sloMatchesAlert(slo, { service: "svc", alertname: "HighErrorRate" })).toBe(true);
    expect(sloMatchesAlert(slo, { alertname: "X" })).toBe(false);
  });

  it("keep the alert's group value and put burning SLOs first", () => {
    const quiet = { key: "q", alerts: { page: false, ticket: false }, burnRates: { "1h": 0.2 } };
    const hot = { key: "h", alerts: { page: false, ticket: false }, burnRates: { "1h": 3 } };
    const m1 = { key: "m1", group: { label: "model", value: "m1" }, alerts: { page: true, ticket: false }, burnRates: { "1h": 20 } };
    const m2 = { key: "m2", group: { label: "model", value: "m2" }, alerts: { page: false, ticket: false }, burnRates: { "1h": 0 } };
    expect(rowsForAlert([quiet, hot, m1, m2], { model: "m2" }).map((row) => [row.key, row.burning])).toEqual([
      ["h", true],
      ["q", false],
      ["m2", false],
    ]);
    expect(rowsForAlert([quiet, m1, m2], {}).map((row) => row.key)).toEqual(["m1", "q", "m2"]);
  });

  it("link to the SLO page with its group", () => {
    expect(sloHref("svc--a")).toBe("/slos/svc--a");
    expect(sloHref("svc--a", "meta-llama/Llama 3")).toBe("/slos/svc--a?group=meta-llama%2FLlama%203");
  });
});
