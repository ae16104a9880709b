import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prometheusResponseSchema, rulesDataSchema, type RuleGroup } from "@/lib/prometheus/types";
import { buildRulesView, exploreHref, filterRules } from "./rules";

function recorded(): RuleGroup[] {
  const text = readFileSync(path.join(import.meta.dirname, "..", "prometheus", "fixtures", "rules.json"), "utf8");
  const response = prometheusResponseSchema(rulesDataSchema).parse(JSON.parse(text));
  if (response.status !== "success") throw new Error("fixture is an error");
  return response.data.groups;
}

describe("buildRulesView", () => {
  it("orders firing, pending, inactive alerts before recording rules, with totals", () => {
    const view = buildRulesView(recorded());
    expect(view.totals).toEqual({ groups: 1, rules: 4, failing: 0, firing: 1, pending: 1 });
    expect(view.groups[0]?.rules.map((rule) => rule.name)).toEqual(["AlwaysFiring", "TargetDown", "NeverFires", "job:up:sum"]);
    expect(view.groups[0]?.rules[0]?.alerts.length).toBeGreaterThan(0);
  });

  it("puts failing rules and their groups first", () => {
    const groups = recorded();
    const healthy = groups[0];
    if (!healthy) throw new Error("no group");
    const broken: RuleGroup = {
      ...healthy,
      name: "broken",
      rules: healthy.rules.map((rule, index) => (index === 3 ? { ...rule, health: "err", lastError: "found duplicate series for the match group" } : rule)),
    };
    const view = buildRulesView([healthy, broken]);
    expect(view.groups.map((group) => group.name)).toEqual(["broken", "vigil-fixtures"]);
    expect(view.groups[0]?.rules[0]).toMatchObject({ health: "err", lastError: "found duplicate series for the match group" });
    expect(view.totals.failing).toBe(1);
    expect(filterRules(view, { state: "failing" }).map((group) => group.rules.length)).toEqual([1]);
  });

  it("filters by type, state and words", () => {
    const view = buildRulesView(recorded());
    expect(filterRules(view, { type: "recording" })[0]?.rules.map((rule) => rule.name)).toEqual(["job:up:sum"]);
    expect(filterRules(view, { state: "pending" })[0]?.rules.map((rule) => rule.name)).toEqual(["TargetDown"]);
    expect(filterRules(view, { text: "nothing here" })).toEqual([]);
  });

  it("links to Explore with the expression encoded", () => {
    expect(exploreHref('sum by (job) (up{job=~"a|b"})')).toBe("/explore?expr=sum%20by%20(job)%20(up%7Bjob%3D~%22a%7Cb%22%7D)");
  });
});
