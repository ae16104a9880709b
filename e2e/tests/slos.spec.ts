import { SlosPage } from "../pages/slos-page.ts";
import { expect, test } from "../fixtures/test.ts";

test.describe("SLOs", () => {
  // The first list evaluates every shipped SLO over 30-day windows on a busy test machine.
  test.setTimeout(120_000);

  test("the list shows every shipped SLO with live figures from Prometheus", async ({ page }) => {
    const slos = new SlosPage(page);
    await slos.goto();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SLOs" })).toHaveAttribute("aria-current", "page");

    const availability = slos.row("counterfactual-lab availability");
    await expect(availability).toBeVisible({ timeout: 60_000 });
    // Live data: the exporter's requests reached Prometheus, so the SLI is a percentage, not "no data".
    await expect(availability.getByRole("cell").nth(3)).toHaveText(/^\d{2,3}\.\d{3} %$/, { timeout: 60_000 });
    await expect(availability.getByRole("meter", { name: "Error budget remaining" })).toBeVisible();
    // The test stack's Prometheus holds minutes of history against a 30-day window: said, not hidden.
    await expect(availability.getByText("partial window")).toBeVisible();

    // Grouped SLOs give one row per group value.
    await expect(slos.rows.filter({ hasText: "ttft-p95-350ms" })).not.toHaveCount(0);
    await expect(slos.rows.filter({ hasText: "model=llama-3-70b" }).first()).toBeVisible();
  });

  test("filters by service in the URL", async ({ page }) => {
    const slos = new SlosPage(page);
    await slos.goto();
    await expect(slos.row("counterfactual-lab availability")).toBeVisible({ timeout: 60_000 });
    await slos.filterByService("inferno");
    await expect(page).toHaveURL(/service=inferno/);
    await expect(slos.row("counterfactual-lab availability")).toHaveCount(0);
    await expect(slos.rows.filter({ hasText: "inference-p95-1s" }).first()).toBeVisible();

    // The filtered view is shareable: opening the URL gives the same rows.
    await slos.goto("service=counterfactual-lab&sort=name");
    await expect(slos.rows).toHaveCount(5);
  });

  test("an SLO's page shows figures, burn rates, charts, alerts and links", async ({ page }) => {
    const slos = new SlosPage(page);
    await slos.goto();
    await slos.row("counterfactual-lab availability").getByRole("link", { name: "availability" }).click({ timeout: 60_000 });
    await expect(page).toHaveURL(/\/slos\/counterfactual-lab--availability$/);
    await expect(page.getByRole("heading", { name: "counterfactual-lab · availability", level: 1 })).toBeVisible();

    const budget = slos.region("Error budget");
    await expect(budget.getByRole("meter", { name: "Error budget remaining" })).toBeVisible({ timeout: 60_000 });
    await expect(budget.getByText(/more failed events allowed|over budget by/)).toBeVisible();

    const burn = slos.region("Burn rates");
    await expect(burn.getByRole("row")).toHaveCount(5);
    await expect(burn.getByRole("cell", { name: "1h and 5m" })).toBeVisible();
    await expect(burn.getByRole("cell", { name: "14.4", exact: true })).toBeVisible();

    await expect(slos.region("Burn-down").getByRole("img", { name: "Error budget left over the window" })).toBeVisible();
    await expect(slos.region("SLI over time").getByRole("img", { name: "SLI over time" })).toBeVisible();
    await expect(slos.region("Alerts firing for this SLO")).toBeVisible();
    await expect(slos.region("Links").getByRole("link", { name: /runbooks\/counterfactual-high-error-rate/ })).toBeVisible();
  });

  test("a grouped SLO's page switches group in the URL", async ({ page }) => {
    await page.goto("/slos/llm-agents--ttft-p95-350ms");
    const select = page.getByRole("combobox", { name: "model" });
    await expect(select).toBeVisible();
    await select.selectOption("mixtral-8x7b");
    await expect(page).toHaveURL(/group=mixtral-8x7b/);
  });

  test("an unknown SLO is a 404 page and a bad id a 400 from the API", async ({ page }, testInfo) => {
    // The browser logs the 404 of the page itself: that is the point of this test.
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 404" });
    const response = await page.goto("/slos/no-such--slo");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const api = await page.request.get("/api/slos/Not%20An%20Id");
    expect(api.status()).toBe(400);
    expect((await api.json()).error).toContain("id");
  });

  test("the alert view's route lists the SLOs of an alert's service", async ({ page }) => {
    const labels = encodeURIComponent(JSON.stringify({ alertname: "HighErrorRate", service: "counterfactual-lab" }));
    const response = await page.request.get(`/api/slos/for-alert?labels=${labels}`);
    expect(response.ok()).toBe(true);
    const body: { rows: Array<{ id: string; burning: boolean }> } = await response.json();
    expect(body.rows.map((row) => row.id).sort()).toEqual([
      "counterfactual-lab--availability",
      "counterfactual-lab--generation-success",
      "counterfactual-lab--latency-p95-2s",
      "counterfactual-lab--latency-p99-5s",
      "counterfactual-lab--quality-score",
    ]);
    const bad = await page.request.get("/api/slos/for-alert?labels=not-json");
    expect(bad.status()).toBe(400);
  });

  test.describe("as a viewer", () => {
    test.use({ signedInAs: "viewer" });

    test("reads the list", async ({ page }) => {
      const slos = new SlosPage(page);
      await slos.goto();
      await expect(slos.row("counterfactual-lab availability")).toBeVisible({ timeout: 60_000 });
    });
  });
});
