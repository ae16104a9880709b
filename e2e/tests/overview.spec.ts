import { controlService, expect, test } from "../fixtures/test.ts";

test.describe("overview", () => {
  test("shows live data that flowed from the exporter through Prometheus", async ({ overview, page }) => {
    await overview.goto();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    // The chart legend names the demo systems' scrape jobs: data came exporter -> Prometheus -> console.
    await expect(overview.trafficChart).toBeVisible();
    for (const job of ["inferno", "counterfactual-lab", "neuronetes", "agent-sre"]) {
      await expect(overview.traffic.getByText(job, { exact: true })).toBeVisible();
    }
    await expect(overview.traffic.locator("path.recharts-curve").first()).toBeVisible();

    await expect(overview.health.getByText("Every dependency answers")).toBeVisible();
    await expect(overview.health.getByText(/cluster ready, 2 peers/).first()).toBeVisible();

    await expect(overview.targets.getByRole("button", { name: /inferno/ })).toBeVisible();
    await expect(overview.targets.getByText(/\d+ up, 0 down/)).toBeVisible();
  });

  test("counts alerts posted to Alertmanager by severity", async ({ overview }) => {
    const alertmanager = process.env.VIGIL_TEST_ALERTMANAGER_URLS?.split(",")[0];
    const alertname = `E2eOverview${Date.now()}`;
    const post = await fetch(`${alertmanager}/api/v2/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([
        {
          labels: { alertname, severity: "critical", service: "e2e" },
          annotations: { summary: "Posted by the overview e2e test" },
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        },
      ]),
    });
    expect(post.ok).toBe(true);

    await overview.goto();
    const list = overview.alerts.getByRole("list", { name: "Firing alerts" });
    await expect(list.getByText(alertname)).toBeVisible();
    await expect(list.getByText("Posted by the overview e2e test")).toBeVisible();
    const critical = overview.alerts.getByRole("term").filter({ hasText: "Critical" }).locator("xpath=following-sibling::dd");
    await expect.poll(async () => Number(await critical.textContent())).toBeGreaterThanOrEqual(1);

    // Clean up: resolve the alert.
    await fetch(`${alertmanager}/api/v2/alerts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ labels: { alertname, severity: "critical", service: "e2e" }, endsAt: new Date().toISOString() }]),
    });
  });

  test("says clearly when Prometheus is down and recovers without a reload", async ({ overview, page }, testInfo) => {
    // The browser logs failed fetches (502/503/504) as console errors while Prometheus is down.
    testInfo.annotations.push({ type: "expected-console-error", description: "Failed to load resource" });
    await overview.goto("5s");
    await expect(overview.trafficChart).toBeVisible();

    await controlService("prometheus", "stop");
    try {
      const trafficError = overview.traffic.getByRole("alert");
      await expect(trafficError).toContainText("Could not query Prometheus", { timeout: 30_000 });
      await expect(trafficError).toContainText(/Prometheus at http:\/\/127\.0\.0\.1:\d+ (refused the connection|did not answer)/);
      await expect(overview.health.getByText(/Down: prometheus/)).toBeVisible({ timeout: 30_000 });
      await expect(overview.targets.getByRole("alert")).toContainText("Could not load scrape targets");
    } finally {
      await controlService("prometheus", "start");
    }

    // Same page, no reload: the next refreshes clear the errors and draw live data again.
    await expect(overview.traffic.getByRole("alert")).toHaveCount(0, { timeout: 30_000 });
    await expect(overview.health.getByText("Every dependency answers")).toBeVisible({ timeout: 30_000 });
    await expect(overview.trafficChart).toBeVisible();
    expect(page.url()).toContain("refresh=5s");
  });

  test("keeps the refresh interval in the URL", async ({ overview, page }) => {
    await overview.goto("30s");
    await expect(overview.refreshPicker).toHaveValue("30s");
    await overview.refreshPicker.selectOption("off");
    await expect(page).toHaveURL(/refresh=off/);
  });

  test("answers an unknown page with a not-found page, not a blank one", async ({ page }, testInfo) => {
    // Chromium logs the document's own 404 as a console error.
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 404" });
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });

  test("prefetches a page of the top bar only once someone points at its link, then opens it", async ({ overview, page }) => {
    const prefetched: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (request.headers()["next-router-prefetch"] || url.searchParams.has("_rsc")) prefetched.push(url.pathname);
    });
    await overview.goto("off");
    // Every page is rendered per request: prefetching the whole bar would cost the server a render per link.
    await page.waitForTimeout(1_500);
    expect(prefetched).toEqual([]);
    const runbooks = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Runbooks" });
    await runbooks.hover();
    await expect.poll(() => prefetched.includes("/runbooks")).toBe(true);
    expect(new Set(prefetched)).toEqual(new Set(["/runbooks"]));
    await runbooks.click();
    await expect(page).toHaveURL(/\/runbooks/);
    await expect(runbooks).toHaveAttribute("aria-current", "page");
  });
});
