import { controlService, expect, test } from "../fixtures/test.ts";
import { CostPage } from "../pages/cost-page.ts";
import { GpuPage } from "../pages/gpu-page.ts";

test.describe("cost page", () => {
  test("shows spend, cost per 1K tokens with its source, GPU cost and $ per good request from live data", async ({ page }) => {
    const cost = new CostPage(page);
    await cost.goto();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cost" })).toHaveAttribute("aria-current", "page");

    await expect(cost.stat("Spend", "Spend rate")).toContainText(/\$\d/);
    await expect(cost.stat("Spend", "Month to date")).toContainText(/\$\d/);
    for (const tenant of ["prod", "acme", "globex", "initech"]) await expect(cost.row("Spend by tenant", tenant)).toBeVisible();
    await expect(cost.row("Spend by model", "llama-3-8b")).toBeVisible();

    // The exporter's list price for llama-3-8b, from the platform's own cost metric.
    const perToken = cost.panel("Cost per 1K tokens").getByRole("row").filter({ hasText: "llama-3-8b" });
    await expect(perToken).toContainText("$0.0080");
    await expect(perToken).toContainText("cost_usd_per_1k_tokens");
    // vLLM models have no cost metric and no price yet: priced from OpenCost.
    await expect(cost.panel("Cost per 1K tokens").getByRole("row").filter({ hasText: "Mixtral-8x7B-Instruct" })).toContainText("OpenCost");

    // 4 × $3.93 + 4 × $6.98 + 2 × $2.79 per hour at OpenCost's prices.
    await expect(cost.stat("GPU cost", "Fleet GPU price")).toHaveText("$49.22/h");
    await expect(cost.row("$ per good request", "llama-3-70b")).toContainText("agent_turn_errors_total");
  });

  test("an admin sets a tenant budget, sees it against the tenant, and removes it", async ({ page }) => {
    const cost = new CostPage(page);
    const tenant = `e2e-tenant-${Date.now()}`;
    await cost.goto();
    await cost.setBudget(tenant, "e2e-team", "1234");
    await expect(cost.row("Budgets", tenant)).toContainText("$1,234");
    await expect(cost.row("Spend by tenant", tenant)).toContainText("$1,234", { timeout: 15_000 });
    await expect(cost.row("Spend by team", "e2e-team")).toBeVisible();

    await cost.panel("Budgets").getByRole("button", { name: `Remove budget of ${tenant}` }).click();
    await expect(cost.row("Budgets", tenant)).toHaveCount(0);
  });

  test("refuses a budget that is not a positive amount, naming the field", async ({ page }) => {
    const cost = new CostPage(page);
    await cost.goto();
    await cost.setBudget("e2e-refused", "", "-5");
    await expect(page.getByRole("form", { name: "Set a budget" }).getByText("monthlyUsd must not be negative")).toBeVisible();
  });

  test.describe("as a viewer", () => {
    test.use({ signedInAs: "viewer" });

    test("reads budgets and prices but gets no forms", async ({ page }) => {
      const cost = new CostPage(page);
      await cost.goto();
      await expect(cost.panel("Budgets")).toBeVisible();
      await expect(page.getByRole("form", { name: "Set a budget" })).toHaveCount(0);
      await expect(page.getByRole("form", { name: "Set a model price" })).toHaveCount(0);
    });
  });
});

test.describe("GPU fleet page", () => {
  test("draws the heatmap and lists GPUs, nodes, MIG slices and their prices", async ({ page }) => {
    const gpus = new GpuPage(page);
    await gpus.goto("range=1h");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "GPUs" })).toHaveAttribute("aria-current", "page");
    await expect(gpus.heatmap).toHaveAccessibleName("Utilisation heatmap of 10 GPUs over 1 h");
    await expect(gpus.panel("GPUs").getByRole("row").filter({ hasText: "gpu-node-2 · 0" })).toContainText("NVIDIA H100 80GB HBM3");
    await expect(gpus.panel("By node").getByRole("row").filter({ hasText: "gpu-node-2" })).toContainText("$27.92/h");
    const slices = gpus.panel("MIG slices");
    await expect(slices.getByRole("row").filter({ hasText: "gpu-node-1 · 2" }).filter({ hasText: "3g.40gb" })).toBeVisible();
    await expect(slices.getByRole("row").filter({ hasText: "1g.10gb" }).first()).toBeVisible();
    await expect(gpus.panel("Idle GPUs")).toContainText(/No idle GPU|gpu-node/);
  });

  test("shows an XID error as an event when the GPU's last-XID code changes", async ({ page }) => {
    // The exporter's xid-error incident sets DCGM_FI_DEV_XID_ERRORS to 48 on gpu-node-3 GPU 0; it ends by itself.
    const started = await fetch(`${process.env.VIGIL_TEST_EXPORTER_URL}/-/incidents/xid-error?seconds=20`, { method: "POST" });
    expect(started.ok).toBe(true);
    const gpus = new GpuPage(page);
    await gpus.goto("range=1h&refresh=5s");
    const event = gpus.panel("XID errors").getByRole("row").filter({ hasText: "gpu-node-3 · 0" }).filter({ hasText: "Double-bit ECC error" });
    await expect(event).toBeVisible({ timeout: 30_000 });
    await expect(event).toContainText("48");
  });

  test("keeps the window in the URL", async ({ page }) => {
    const gpus = new GpuPage(page);
    await gpus.goto();
    await page.getByLabel("Window").selectOption("1h");
    await expect(page).toHaveURL(/range=1h/);
    await expect(gpus.heatmap).toHaveAccessibleName(/over 1 h/);
  });
});

test("both pages say clearly when Prometheus is down", async ({ page }, testInfo) => {
  // The browser logs the failed fetches (502/503) as console errors while Prometheus is down.
  testInfo.annotations.push({ type: "expected-console-error", description: "Failed to load resource" });
  const cost = new CostPage(page);
  const gpus = new GpuPage(page);
  await controlService("prometheus", "stop");
  try {
    await cost.goto();
    await expect(cost.panel("Spend").getByRole("alert")).toContainText("Could not compute costs", { timeout: 30_000 });
    await expect(cost.panel("Spend").getByRole("alert")).toContainText(/Prometheus at http:\/\/127\.0\.0\.1:\d+ (refused the connection|did not answer)/);
    // Budgets live in Postgres and stay readable.
    await expect(cost.panel("Budgets").getByRole("alert")).toHaveCount(0);
    await gpus.goto();
    await expect(gpus.panel("Utilisation heatmap").getByRole("alert")).toContainText("Could not read the GPU fleet", { timeout: 30_000 });
    await expect(gpus.panel("GPUs").getByRole("alert")).toContainText(/Prometheus at http/);
  } finally {
    await controlService("prometheus", "start");
  }
});
