import { describe, expect, it } from "vitest";
import { parseMatchers } from "@/lib/alertmanager/matchers";
import { commonLabels, dashboardLink, exploreLink, matchersForLabels, silenceLink } from "./links";

describe("links from an alert", () => {
  const labels = { service: "inferno", alertname: "ServiceDown", instance: "inferno-0" };

  it("pre-fills a silence with equality matchers for every label, which the silences page can parse back", () => {
    const link = silenceLink(matchersForLabels(labels));
    expect(link.startsWith("/silences/new?matchers=")).toBe(true);
    const text = decodeURIComponent(link.slice("/silences/new?matchers=".length));
    expect(text).toBe('{alertname="ServiceDown", instance="inferno-0", service="inferno"}');
    expect(parseMatchers(text)).toEqual({ ok: true, value: matchersForLabels(labels) });
  });

  it("opens Explore with the expression and dashboards with var- parameters", () => {
    expect(exploreLink('rate(x{a="b"}[5m]) > 1')).toBe("/explore?expr=rate(x%7Ba%3D%22b%22%7D%5B5m%5D)%20%3E%201");
    expect(dashboardLink(labels)).toBe("/dashboards?var-service=inferno&var-instance=inferno-0");
  });

  it("finds the labels a group's alerts share", () => {
    expect(commonLabels([labels, { ...labels, instance: "inferno-1" }])).toEqual({ service: "inferno", alertname: "ServiceDown" });
    expect(commonLabels([])).toEqual({});
  });
});
