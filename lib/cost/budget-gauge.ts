import { Gauge, type Registry } from "prom-client";

/**
 * vigil_cost_tenant_budget_usd{tenant,team}: each tenant's monthly budget, read from Postgres
 * when Prometheus scrapes /metrics. The rule TenantSpendForecastOverBudget in
 * deploy/prometheus/rules/cost.yml compares the month's forecast spend with it.
 */
export function budgetGauge(registry: Registry): Gauge<"tenant" | "team"> {
  return new Gauge({
    name: "vigil_cost_tenant_budget_usd",
    help: "Monthly spend budget of a tenant in USD, as set on the console's cost page.",
    labelNames: ["tenant", "team"],
    registers: [registry],
    async collect() {
      try {
        // Imported here: the metrics module must not pull the database in for every route.
        const { listBudgets } = await import("@/lib/data/budgets");
        const budgets = await listBudgets();
        this.reset();
        for (const budget of budgets) this.set({ tenant: budget.tenant, team: budget.team ?? "" }, budget.monthlyUsd);
      } catch (error) {
        // Keep the last values: a database blip must not make every budget vanish (and alerts resolve).
        console.error("Could not read tenant budgets for /metrics", error);
      }
    },
  });
}
