import { describe, expect, it } from "vitest";
import { alertFingerprint } from "./fingerprint";
import { episodesFromAlertsSeries, overlaps } from "./episodes";

describe("episodesFromAlertsSeries", () => {
  const metric = { __name__: "ALERTS", alertname: "ServiceDown", alertstate: "firing", service: "inferno" };

  it("splits a series at gaps longer than the limit, keeping the last run open when it reaches the end", () => {
    const values: Array<[number, string]> = [
      [1000, "1"],
      [1060, "1"],
      [1120, "1"],
      [2000, "1"],
      [2060, "1"],
    ];
    const episodes = episodesFromAlertsSeries([{ metric, values }], 120, 2100);
    expect(episodes).toHaveLength(2);
    expect(episodes[0]).toMatchObject({ alertName: "ServiceDown", startsAt: new Date(1_000_000), resolvedAt: new Date(1_120_000) });
    expect(episodes[1]).toMatchObject({ startsAt: new Date(2_000_000), resolvedAt: null });
    expect(episodes[0]?.labels).toEqual({ alertname: "ServiceDown", service: "inferno" });
    expect(episodes[0]?.fingerprint).toBe(alertFingerprint({ alertname: "ServiceDown", service: "inferno" }));
  });

  it("ignores pending series", () => {
    expect(episodesFromAlertsSeries([{ metric: { ...metric, alertstate: "pending" }, values: [[1, "1"]] }], 60, 10)).toEqual([]);
  });
});

describe("overlaps", () => {
  const at = (seconds: number) => new Date(seconds * 1000);
  it("treats an open end as reaching now", () => {
    expect(overlaps({ startsAt: at(0), resolvedAt: at(10) }, { startsAt: at(5), resolvedAt: null })).toBe(true);
    expect(overlaps({ startsAt: at(0), resolvedAt: at(10) }, { startsAt: at(20), resolvedAt: at(30) })).toBe(false);
    expect(overlaps({ startsAt: at(0), resolvedAt: at(10) }, { startsAt: at(20), resolvedAt: at(30) }, 15_000)).toBe(true);
  });
});
