import { expect, test } from "../fixtures/test.ts";
import { DashboardPage } from "../pages/dashboard-page.ts";
import { ExplorePage } from "../pages/explore-page.ts";

const origin = () => ({ origin: process.env.VIGIL_TEST_CONSOLE_URL ?? "" });

// label_set is MetricsQL: only VictoriaMetrics (the test stack's source "vm") answers it; Prometheus refuses it.
const VM_ONLY = 'label_set(sum(up{job="inferno"}), "answered_by", "victoria")';

test.describe("several Prometheus-API sources", () => {
  test("a panel set to the second source draws its data, and a panel naming an unknown source says so", async ({ page, request }) => {
    // The Prometheus panel's refusal is a 400 in the browser's log.
    test.info().annotations.push({ type: "expected-console-error", description: "400" });
    const uid = `e2e-sources-${Date.now()}`;
    const panel = (id: string, title: string, x: number, datasource?: string, y = 0) => ({
      id,
      type: "timeseries",
      title,
      gridPos: { x, y, w: 8, h: 8 },
      ...(datasource ? { datasource } : {}),
      targets: [{ refId: "A", expr: VM_ONLY, legendFormat: "{{answered_by}}" }],
    });
    const dashboard = {
      uid,
      title: "E2E sources",
      time: { from: "now-5m", to: "now" },
      variables: [{ type: "datasource", name: "DS", label: "Source" }],
      panels: [
        panel("vm", "From VictoriaMetrics", 0, "vm"),
        panel("missing", "From nowhere", 8, "thanos"),
        panel("default", "From Prometheus", 16),
        panel("chosen", "From the chosen source", 0, "${DS}", 8),
      ],
    };
    const created = await request.post("/api/dashboards", { headers: origin(), data: { dashboard } });
    expect(created.status()).toBe(201);
    try {
      const view = new DashboardPage(page);
      await view.goto(uid);
      const fromVm = view.panel("From VictoriaMetrics");
      await expect(view.chart("From VictoriaMetrics")).toBeVisible();
      await expect(fromVm.getByRole("list", { name: "Legend" }).or(fromVm.getByRole("table", { name: "Legend" }))).toContainText("victoria");
      await expect(view.panel("From nowhere").getByRole("alert")).toContainText('The Prometheus source "thanos" is not configured here (configured: default, vm)');
      // The same MetricsQL on the default source (Prometheus) is refused: the data above came from VictoriaMetrics.
      await expect(view.panel("From Prometheus").getByRole("alert")).toContainText("Query A failed");

      const inspect = await view.inspect("From VictoriaMetrics");
      await expect(inspect.getByTestId("inspect-source")).toHaveText("vm");
      await expect(inspect.getByText(/GET \/api\/prometheus\/query_range\?.*source=vm/)).toBeVisible();
      await inspect.getByRole("button", { name: "Close" }).first().click();

      // A datasource variable offers the configured sources; choosing one points ${DS} panels at it, in the URL.
      const chosen = view.panel("From the chosen source");
      await expect(chosen.getByRole("alert")).toContainText("Query A failed");
      await page.getByRole("group", { name: "Variables" }).getByLabel("Source", { exact: true }).selectOption("vm");
      await expect(page).toHaveURL(/var-DS=vm/);
      await expect(chosen.getByRole("list", { name: "Legend" }).or(chosen.getByRole("table", { name: "Legend" }))).toContainText("victoria");
    } finally {
      expect((await request.delete(`/api/dashboards/${uid}`, { headers: origin() })).status()).toBe(200);
    }
  });

  test("the API lists the sources and refuses one that is not configured, naming those that are", async ({ request }) => {
    const listed = await request.get("/api/prometheus/sources");
    expect(listed.status()).toBe(200);
    const body: unknown = await listed.json();
    expect(body).toMatchObject({ sources: [{ name: "default", isDefault: true }, { name: "vm", isDefault: false }] });
    const refused = await request.get("/api/prometheus/query?query=up&source=thanos");
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'There is no Prometheus source named "thanos"; configured: default, vm' });
    const onVm = await request.get(`/api/prometheus/query?query=${encodeURIComponent(VM_ONLY)}&source=vm`);
    expect(onVm.status()).toBe(200);
    expect(await onVm.json()).toMatchObject({ status: "success", source: "vm" });
  });

  test("Explore keeps the chosen source in the URL and queries it", async ({ page }) => {
    test.info().annotations.push({ type: "expected-console-error", description: "400" });
    const explore = new ExplorePage(page);
    await explore.goto(`expr=${encodeURIComponent(VM_ONLY)}&tab=table`);
    await expect(explore.results.getByRole("alert")).toBeVisible();
    await page.getByLabel("Source", { exact: true }).selectOption("vm");
    await expect(page).toHaveURL(/source=vm/);
    await expect(explore.results).toContainText("victoria");
  });
});

test("the monitoring pages look at the chosen source and keep it between tabs", async ({ page }) => {
  await page.goto("/monitoring/rules?source=vm");
  const source = page.getByRole("navigation", { name: "Monitoring" }).getByLabel("Source", { exact: true });
  await expect(source).toHaveValue("vm");
  // VictoriaMetrics runs no rules of its own (vmalert does): an empty list, where Prometheus has the shipped rules.
  await expect(page.getByText("has no rule groups loaded")).toBeVisible();
  await page.getByRole("navigation", { name: "Monitoring" }).getByRole("link", { name: "Targets" }).click();
  await expect(page).toHaveURL(/\/monitoring\/targets\?source=vm/);
  await expect(page.getByText("inferno-0").first()).toBeVisible();
  await source.selectOption("default");
  await expect(page).not.toHaveURL(/source=/);
});
