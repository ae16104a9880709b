import { hashKey, QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { planTargets } from "@/lib/dashboards/query-plan";
import type { Target } from "@/lib/dashboards/schema";
import { dashboardKeys, panelQueryOptions } from "./dashboards";

const NOW = 1_763_726_400_000;
const target = (expr: string, refId = "A"): Target => ({ refId, expr, instant: false, hide: false });
const context = { fromMs: NOW - 6 * 3600_000, toMs: NOW, widthPx: 600, scrapeIntervalSeconds: 15, variables: {} };

describe("panel query keys", () => {
  it("are the resolved query, so panels asking the same thing share one entry per refresh", () => {
    const [a] = planTargets([target("sum(rate(x[$__rate_interval]))")], context);
    const [b] = planTargets([target("sum(rate(x[$__rate_interval]))", "B")], { ...context, widthPx: 620 });
    if (!a || !b) throw new Error("no plan");
    expect(hashKey(dashboardKeys.panelQuery(a.query, 3))).toBe(hashKey(dashboardKeys.panelQuery(b.query, 3)));
    expect(hashKey(dashboardKeys.panelQuery(a.query, 3))).not.toBe(hashKey(dashboardKeys.panelQuery(a.query, 4)));
  });

  it("differ between sources, so the same query on two sources is two requests", () => {
    const [onDefault] = planTargets([target("up")], context);
    const [onVm] = planTargets([target("up")], { ...context, source: "vm" });
    if (!onDefault || !onVm) throw new Error("no plan");
    expect(hashKey(dashboardKeys.panelQuery(onDefault.query, 1))).not.toBe(hashKey(dashboardKeys.panelQuery(onVm.query, 1)));
  });

  it("fetch once for any number of panels with the same query", async () => {
    let calls = 0;
    const client = new QueryClient();
    const [planned] = planTargets([target("up")], context);
    if (!planned) throw new Error("no plan");
    const options = { ...panelQueryOptions(planned.query, 1), queryFn: async () => ({ response: { status: "success" as const, data: { resultType: "vector" as const, result: [] }, warnings: [], source: "default" }, tookMs: (calls += 1), url: "" }) };
    await Promise.all([client.fetchQuery(options), client.fetchQuery(options), client.fetchQuery(options)]);
    expect(calls).toBe(1);
  });
});
