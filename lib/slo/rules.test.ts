import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadSlos } from "./load";
import { decimal, sloRuleGroups, sloRulesYaml } from "./rules";
import type { SloDefinition } from "./model";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

function shipped(): SloDefinition[] {
  const result = loadSlos(path.join(ROOT, "slos"));
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
  return result.slos;
}

describe("SLO rules", () => {
  it("in deploy/prometheus/rules/slos.yml are up to date with slos/ (regenerate: node bin/vigil.js slo rules slos/ > deploy/prometheus/rules/slos.yml)", () => {
    const committed = readFileSync(path.join(ROOT, "deploy", "prometheus", "rules", "slos.yml"), "utf8");
    expect(committed).toBe(sloRulesYaml(shipped(), "slos"));
  });

  it("alert on the workbook's burn rates times the budget", () => {
    const [availability] = shipped();
    const groups = sloRuleGroups(availability ? [availability] : []);
    const rules = groups.flatMap((group) => group.rules);
    const page = rules.find((rule) => "alert" in rule && rule.alert === "SLOBudgetBurnFast");
    const ticket = rules.find((rule) => "alert" in rule && rule.alert === "SLOBudgetBurnSlow");
    expect(page?.expr).toContain("slo:error_ratio:rate1h{slo_id=\"counterfactual-lab--availability\"} > 0.0144");
    expect(page?.expr).toContain("slo:error_ratio:rate5m{slo_id=\"counterfactual-lab--availability\"} > 0.0144");
    expect(page?.expr).toContain("slo:error_ratio:rate6h{slo_id=\"counterfactual-lab--availability\"} > 0.006");
    expect(ticket?.expr).toContain("slo:error_ratio:rate1d{slo_id=\"counterfactual-lab--availability\"} > 0.003");
    expect(ticket?.expr).toContain("slo:error_ratio:rate3d{slo_id=\"counterfactual-lab--availability\"} > 0.001");
    expect(page?.labels).toMatchObject({ severity: "critical", service: "counterfactual-lab" });
    expect(ticket?.labels).toMatchObject({ severity: "warning" });
  });

  it("record every burn window, the objective and the long window, all as sums of increases", () => {
    const parsed: unknown = parse(sloRulesYaml(shipped(), "slos"));
    const text = JSON.stringify(parsed);
    for (const window of ["5m", "30m", "1h", "2h", "6h", "1d", "3d"]) expect(text).toContain(`slo:error_ratio:rate${window}`);
    expect(text).toContain("slo:events_total:window");
    expect(text).not.toMatch(/(rate|increase)\(\s*sum/);
  });

  it("write decimals without exponents or float noise", () => {
    expect(decimal(14.4 * 0.001)).toBe("0.0144");
    expect(decimal(1e-7)).toBe("0.0000001");
    expect(decimal(3)).toBe("3");
  });
});
