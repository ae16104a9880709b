import { describe, expect, it } from "vitest";
import { historyPlan, historyPoints } from "./history";
import type { SloDefinition } from "./model";

const slo: SloDefinition = {
  id: "svc--a",
  service: "svc",
  name: "a",
  description: "",
  objective: 0.99,
  window: { kind: "rolling", days: 30 },
  sli: { kind: "ratio", errors: { metric: "e_total", matchers: "" }, total: { metric: "t_total", matchers: "" } },
  groupBy: "model",
  labels: {},
  dashboards: [],
  alerting: { page: true, ticket: true, absent: true },
  source: { file: "x.yaml", format: "vigil/v1" },
};

describe("history", () => {
  it("tiles the window with steps of increase", () => {
    const now = new Date("2026-11-21T00:00:00Z");
    const plan = historyPlan(slo, now);
    expect(plan.step).toBe(14_400);
    expect(plan.end - plan.start).toBe(30 * 86_400 - plan.step);
    expect(plan.expr).toContain("[14400s]");
    expect(plan.expr).toContain('"slo_part", "total"');
  });

  it("burns down the budget cumulatively and ends at the current remaining share", () => {
    // 4 steps of 1,000 events; 10 % budget of 4,000 = 40 failures allowed; 0, 10, 20, 0 spent.
    const total = [[1, 1000], [2, 1000], [3, 1000], [4, 1000]] as const;
    const bad = [[1, 0], [2, 10], [3, 20], [4, 0]] as const;
    const points = historyPoints({ objective: 0.99 }, bad, total);
    expect(points.map((point) => point.remaining)).toEqual([1, 0.75, 0.25, 0.25]);
    expect(points.map((point) => point.sli)).toEqual([1, 0.99, 0.98, 1]);
    expect(points[0]?.t).toBe(1000);
  });

  it("leaves steps without events as gaps", () => {
    const points = historyPoints({ objective: 0.99 }, [], [[1, 0]]);
    expect(points).toEqual([{ t: 1000, sli: null, remaining: null }]);
  });
});
