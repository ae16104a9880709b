import { expect, test } from "../fixtures/test.ts";
import { DashboardListPage, DashboardPage } from "../pages/dashboard-page.ts";

const origin = () => ({ origin: process.env.VIGIL_TEST_CONSOLE_URL ?? "" });

function storedDashboard(uid: string, title: string) {
  const panel = (id: string, title: string, expr: string, x: number) => ({
    id,
    type: "timeseries",
    title,
    gridPos: { x, y: 0, w: 12, h: 8 },
    targets: [{ refId: "A", expr, legendFormat: "{{job}}" }],
  });
  return {
    uid,
    title,
    tags: ["e2e"],
    time: { from: "now-15m", to: "now" },
    panels: [panel("good", "Working panel", 'sum by (job) (rate(inferno_http_requests_total[$__rate_interval]))', 0), panel("bad", "Broken panel", "sum(rate(inferno_http_requests_total[5m])", 12)],
  };
}

test.describe("dashboards", () => {
  test("lists the built-in dashboards and opens one with live data", async ({ page }) => {
    const list = new DashboardListPage(page);
    await list.goto();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboards" })).toHaveAttribute("aria-current", "page");
    for (const title of ["LLM agents", "Inference server", "Remediation selector", "Learning pipeline", "Generation service", "vLLM", "GPU fleet", "Vigil console"]) {
      await expect(list.item(title).getByText("Provisioned")).toBeVisible();
    }
    await page.getByLabel("Search dashboards").fill("gpu");
    await expect(list.list.getByRole("listitem")).toHaveCount(1);
    await expect(page).toHaveURL(/q=gpu/);

    await page.getByRole("link", { name: "GPU fleet" }).click();
    const dashboard = new DashboardPage(page);
    await expect(dashboard.heading("GPU fleet")).toBeVisible();
    await expect(dashboard.chart("Utilisation by GPU")).toBeVisible();
    await expect(dashboard.panel("Utilisation by GPU").getByRole("list", { name: "Legend" }).or(dashboard.panel("Utilisation by GPU").getByRole("table", { name: "Legend" }))).toContainText("gpu-node-1");
    await expect(dashboard.panel("GPUs reporting").getByTestId("stat-value")).toHaveText(/^\d+$/);
    await expect(dashboard.panel("GPUs").getByRole("columnheader", { name: /Hostname/ })).toBeVisible();
  });

  test("keeps range, refresh and variables in the URL, and inspects the resolved query", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    // A short range first: on a stack started moments ago, a 6-hour step would hold too few samples.
    await dashboard.goto("llm-agents", "from=now-5m&to=now");
    await expect(dashboard.chart("Time to first token")).toBeVisible();
    await dashboard.chooseRange("Last 1 hour");
    await expect(page).toHaveURL(/from=now-1h&to=now/);
    await dashboard.setRefresh("Every 10s");
    await expect(page).toHaveURL(/refresh=10s/);
    await dashboard.pickValues("Model", ["llama-3-8b"]);
    await expect(page).toHaveURL(/var-model=llama-3-8b/);

    const inspect = await dashboard.inspect("Time to first token");
    await expect(inspect.getByTestId("resolved-query").first()).toContainText('model=~"llama-3-8b"');
    await expect(inspect.getByText(/took \d+ ms/).first()).toBeVisible();
    await inspect.getByRole("tab", { name: "Raw response" }).click();
    await expect(inspect.getByText('"resultType": "matrix"').first()).toBeVisible();
    await inspect.getByRole("button", { name: "Close" }).click();

    // A shared link opens the same state.
    await page.reload();
    await expect(page.getByRole("button", { name: "Time range" })).toHaveText(/Last 1 hour/);
    await expect(page.getByRole("group", { name: "Variables" }).getByRole("button", { name: "Model", exact: true })).toHaveText(/llama-3-8b/);
  });

  test("a failing query fails only its own panel, with Prometheus's message and the query", async ({ page, request }) => {
    test.info().annotations.push({ type: "expected-console-error", description: "400" });
    const uid = `e2e-broken-${Date.now()}`;
    const created = await request.post("/api/dashboards", { headers: origin(), data: { dashboard: storedDashboard(uid, "E2E broken query") } });
    expect(created.status()).toBe(201);
    try {
      const dashboard = new DashboardPage(page);
      await dashboard.goto(uid);
      await expect(dashboard.panel("Broken panel").getByRole("alert")).toContainText(/Query A failed: .*parse error/);
      await expect(dashboard.panel("Broken panel").getByRole("alert")).toContainText("sum(rate(inferno_http_requests_total[5m])");
      await expect(dashboard.chart("Working panel")).toBeVisible();
      await expect(dashboard.panel("Working panel").getByRole("alert")).toHaveCount(0);
    } finally {
      expect((await request.delete(`/api/dashboards/${uid}`, { headers: origin() })).status()).toBe(200);
    }
  });

  test.describe("as an editor", () => {
    test.use({ signedInAs: "editor" });

    test("creates, edits, saves, saves as and deletes a dashboard", async ({ page, request }) => {
      const title = `E2E dashboard ${Date.now()}`;
      const list = new DashboardListPage(page);
      await list.goto();
      await page.getByRole("button", { name: "New dashboard" }).click();
      await page.getByRole("dialog", { name: "New dashboard" }).getByLabel("Title").fill(title);
      await page.getByRole("button", { name: "Create" }).click();
      await expect(page).toHaveURL(/\/dashboards\/e2e-dashboard-[a-z0-9-]+\?edit=1/);
      const uid = new URL(page.url()).pathname.split("/").pop() ?? "";
      const copies: string[] = [];
      try {
        const dashboard = new DashboardPage(page);
        await page.getByRole("button", { name: "Add panel" }).click();
        const editor = page.getByRole("dialog", { name: "Add panel" });
        await editor.getByLabel("Title").fill("Inferno requests");
        await editor.getByLabel("Query A").fill("sum by (status) (rate(inferno_http_requests_total[$__rate_interval]))");
        await editor.getByLabel("Legend format A").fill("{{status}}");
        await editor.getByLabel("Unit").selectOption({ label: "Requests/s" });
        await editor.getByRole("button", { name: "Apply" }).click();
        await expect(dashboard.chart("Inferno requests")).toBeVisible();
        await page.getByRole("button", { name: "Save", exact: true }).click();
        await expect(page.getByText("Stored, version 2")).toBeVisible();

        await page.reload();
        await expect(dashboard.chart("Inferno requests")).toBeVisible();
        await expect(dashboard.panel("Inferno requests").getByRole("list", { name: "Legend" }).or(dashboard.panel("Inferno requests").getByRole("table", { name: "Legend" }))).toContainText("200");

        await page.getByRole("button", { name: "Save as" }).click();
        await page.getByLabel("Title of the copy").fill(`${title} copy`);
        await page.getByRole("button", { name: "Save copy" }).click();
        await expect(dashboard.heading(`${title} copy`)).toBeVisible();
        copies.push(new URL(page.url()).pathname.split("/").pop() ?? "");
        await expect(dashboard.chart("Inferno requests")).toBeVisible();

        await page.getByRole("button", { name: "Delete" }).click();
        await page.getByRole("button", { name: "Delete dashboard" }).click();
        await expect(page).toHaveURL(/\/dashboards$/);
        await expect(list.item(`${title} copy`)).toHaveCount(0);
        await expect(list.item(title).getByText("Stored")).toBeVisible();
        copies.length = 0;
      } finally {
        for (const copy of copies) await request.delete(`/api/dashboards/${copy}`, { headers: origin() });
        expect((await request.delete(`/api/dashboards/${uid}`, { headers: origin() })).status()).toBe(200);
      }
    });

    test("provisioned dashboards are read-only but can be saved as a copy", async ({ page }) => {
      const dashboard = new DashboardPage(page);
      await dashboard.goto("vllm");
      await expect(page.getByText("Provisioned (read-only)")).toBeVisible();
      await expect(page.getByRole("button", { name: "Save as" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    });
  });

  test.describe("as a viewer", () => {
    test.use({ signedInAs: "viewer" });

    test("cannot edit, save or create", async ({ page, request }) => {
      const dashboard = new DashboardPage(page);
      await dashboard.goto("inference-server");
      await expect(dashboard.chart("Requests by endpoint")).toBeVisible();
      for (const name of ["Edit", "Save as", "Delete"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
      await page.goto("/dashboards");
      await expect(page.getByRole("button", { name: "New dashboard" })).toHaveCount(0);
      const refused = await request.post("/api/dashboards", { headers: origin(), data: { dashboard: storedDashboard(`e2e-viewer-${Date.now()}`, "Nope") } });
      expect(refused.status()).toBe(403);
    });
  });

  test("the console's own dashboard shows its metrics", async ({ page }) => {
    const dashboard = new DashboardPage(page);
    await dashboard.goto("vigil-console", "from=now-15m&to=now");
    await expect(dashboard.chart("API requests by route")).toBeVisible();
    await expect(dashboard.panel("Resident memory").getByTestId("stat-value")).toContainText(/\d/);
  });
});
