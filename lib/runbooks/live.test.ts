import { describe, expect, it } from "vitest";
import { dashboardLinkWithVariables, labelsFromParam, missingVariables, snippetParts, substituteVariables } from "./live";

describe("live runbooks", () => {
  it("substitutes $label and ${label}, escaped for PromQL strings", () => {
    expect(substituteVariables('rate(x{instance="$instance", job="${job}"}[5m])', { instance: "a:9090", job: "inferno" })).toBe('rate(x{instance="a:9090", job="inferno"}[5m])');
    expect(substituteVariables('x{a="$a"}', { a: 'q"uo\\te' })).toBe('x{a="q\\"uo\\\\te"}');
    expect(substituteVariables('label_replace(up, "pod", "$1", "instance", "(.*)")', {})).toBe('label_replace(up, "pod", "$1", "instance", "(.*)")');
  });

  it("names the variables an alert does not provide", () => {
    expect(missingVariables('x{instance="$instance", job="$job"}', { job: "a" })).toEqual(["instance"]);
    expect(missingVariables("sum(rate(x[5m]))", {})).toEqual([]);
  });

  it("adds the alert's labels to dashboard links as var-<label>, keeping those already set", () => {
    expect(dashboardLinkWithVariables("/dashboards/inferno?var-job=fixed#panel", { job: "inferno", instance: "a:1", "bad-name": "x" })).toBe(
      "/dashboards/inferno?var-job=fixed&var-instance=a%3A1#panel",
    );
    expect(dashboardLinkWithVariables("https://grafana.example.com/d/x", { job: "a" })).toBe("https://grafana.example.com/d/x");
    expect(dashboardLinkWithVariables("/runbooks/x", { job: "a" })).toBe("/runbooks/x");
  });

  it("splits search snippets into matches and text", () => {
    expect(snippetParts("Inferno \u0001queue\u0002 \u0001backlog\u0002.")).toEqual([
      { text: "Inferno ", match: false },
      { text: "queue", match: true },
      { text: " ", match: false },
      { text: "backlog", match: true },
      { text: ".", match: false },
    ]);
  });

  it("reads labels from the URL (equality matchers only)", () => {
    expect(labelsFromParam('{alertname="X", job="y", team=~"z"}')).toEqual({ alertname: "X", job: "y" });
    expect(labelsFromParam("{broken")).toEqual({});
    expect(labelsFromParam(undefined)).toEqual({});
  });
});
