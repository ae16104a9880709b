import { controlService, expect, test } from "../fixtures/test.ts";
import { MonitoringPage } from "../pages/monitoring-page.ts";

const exporter = () => process.env.VIGIL_TEST_EXPORTER_URL ?? "";

test.describe("monitoring the monitoring", () => {
  test("/monitoring is an HTTP redirect to the targets, not a page that moves on its own", async ({ request }) => {
    const response = await request.get("/monitoring", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe("/monitoring/targets");
  });

  test("targets: every job and target, a failing target with its error, up history and alerts", async ({ page }) => {
    const monitoring = new MonitoringPage(page);
    await monitoring.goto("targets");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Monitoring" })).toHaveAttribute("aria-current", "page");
    await expect(monitoring.tabs.getByRole("link", { name: "Targets" })).toHaveAttribute("aria-current", "page");
    await expect(monitoring.job("inferno")).toBeVisible({ timeout: 45_000 });
    await expect(monitoring.target("inferno-0")).toContainText("scraped");

    const control = `${exporter()}/-/targets/inferno/inferno-2`;
    expect((await fetch(`${control}/down?seconds=120`, { method: "POST" })).ok).toBe(true);
    try {
      const failing = monitoring.target("inferno-2");
      await expect(failing).toHaveAccessibleName("inferno-2 down", { timeout: 30_000 });
      await expect(failing).toContainText(/server returned HTTP status|connection refused|EOF/);
      await failing.getByRole("button", { name: "Show details of inferno-2" }).click();
      await expect(page).toHaveURL(/target=/);
      await expect(page.getByRole("img", { name: "up of inferno-2 over the last hour" })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole("region", { name: "alerts about inferno-2" })).toBeVisible();
      await expect(page.getByRole("list", { name: "Labels" })).toContainText('job="inferno"');
    } finally {
      await fetch(`${control}/up`, { method: "POST" });
    }

    // The filter lives in the URL: a shared link shows the same targets.
    await monitoring.targetFilter.fill("dcgm");
    await expect(page).toHaveURL(/q=dcgm/);
    await expect(monitoring.job("dcgm-exporter")).toBeVisible();
    await expect(monitoring.job("inferno")).toHaveCount(0);
    await page.reload();
    await expect(monitoring.targetFilter).toHaveValue("dcgm");
    await expect(monitoring.job("inferno")).toHaveCount(0);
  });

  test("rules: groups and rules with state and health, filters in the URL, a link to Explore", async ({ page }) => {
    const monitoring = new MonitoringPage(page);
    await monitoring.goto("rules", "type=alerting&q=TargetDown");
    const rule = monitoring.rule("TargetDown").first();
    await expect(rule).toBeVisible({ timeout: 45_000 });
    await expect(rule).toContainText("alerting");
    await expect(rule).toContainText("health ok");
    const explore = rule.getByRole("link", { name: "Open in Explore" });
    await expect(explore).toHaveAttribute("href", /^\/explore\?expr=up%7Bjob/);
    await monitoring.goto("rules", "type=recording&q=no-rule-is-called-this");
    await expect(page.getByText("No rule matches this filter.")).toBeVisible();
  });

  test("cardinality: head series, top lists and the on-demand full count", async ({ page }) => {
    const monitoring = new MonitoringPage(page);
    await monitoring.goto("cardinality", "limit=10");
    const head = monitoring.panel("Head block");
    await expect(head.getByText("Head series")).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole("region", { name: "Metrics with the most series" }).getByRole("listitem")).toHaveCount(10);
    await expect(page.getByRole("region", { name: "Label pairs with the most series" })).toContainText("job=");
    await expect(page.getByRole("img", { name: "Series in the head block" })).toBeVisible({ timeout: 30_000 });

    const topk = monitoring.panel("Top 10 metrics by a full count");
    await expect(topk).toContainText("Not run yet");
    await topk.getByRole("button", { name: "Run the full count" }).click();
    await expect(topk.getByRole("list", { name: "Top 10 metrics by series" }).getByRole("listitem")).toHaveCount(10, { timeout: 30_000 });
  });

  test("routing: the tree with receivers but no secrets, a route tester, inhibition rules", async ({ page }) => {
    const monitoring = new MonitoringPage(page);
    await monitoring.goto("routing");
    await expect(monitoring.route("root")).toContainText("team-ml", { timeout: 45_000 });
    await expect(monitoring.route("root.0")).toContainText('severity="critical"');
    await expect(monitoring.route("root.0")).toContainText("continue");
    await expect(page.getByRole("list", { name: "Receivers" })).toContainText("pager (webhook)");
    await expect(page.getByRole("list", { name: "Inhibition rules" }).getByRole("listitem").first()).toContainText('severity="critical"');
    expect(await page.content()).not.toContain("127.0.0.1:9/");

    await monitoring.labelsInput.fill('alertname="Test", severity="critical", service="inferno"');
    await page.getByRole("button", { name: "Test routing" }).click();
    await expect(monitoring.routingResult).toContainText("pager");
    await expect(monitoring.routingResult).toContainText("llm-platform");
    await expect(monitoring.route("root.1")).toContainText("matched");
    await expect(page).toHaveURL(/labels=/);

    await monitoring.labelsInput.fill('severity=~"x"');
    await page.getByRole("button", { name: "Test routing" }).click();
    await expect(monitoring.panel("Route tester").getByRole("alert")).toContainText('write labels as name="value"');
  });

  test("console health: requests by route and upstream calls from the console's own metrics", async ({ page }) => {
    const monitoring = new MonitoringPage(page);
    await monitoring.goto("console");
    const own = monitoring.panel("This console process");
    await expect(own.getByRole("region", { name: "Upstream calls" })).toContainText("prometheus", { timeout: 45_000 });
    await expect(own.getByRole("region", { name: "Requests by route" })).toContainText("/api/monitoring/console");
    await expect(monitoring.panel("Requests per second by route")).toBeVisible();
  });
});

test.describe("test alerts", () => {
  test.describe("as a responder", () => {
    test.use({ signedInAs: "responder" });

    test("sends a test alert, sees it arrive with its receivers, and resolves it", async ({ page }) => {
      const monitoring = new MonitoringPage(page);
      const alertname = `VigilE2eTest${Date.now()}`;
      await monitoring.goto("test-alerts");
      const form = monitoring.testAlertForm;
      await form.getByLabel("alertname").fill(alertname);
      await form.getByLabel("severity").selectOption("critical");
      await form.getByLabel("service").fill("inferno");
      await form.getByRole("button", { name: "Send test alert" }).click();
      await expect(form.getByRole("status")).toContainText("to 2 of 2 Alertmanagers", { timeout: 30_000 });

      const alert = monitoring.testAlert(alertname);
      await expect(alert).toBeVisible({ timeout: 45_000 });
      await expect(alert).toContainText("Routed to pager, llm-platform");
      await expect(alert).not.toContainText("the routing tree says");
      await alert.getByRole("button", { name: `Resolve ${alertname}` }).click();
      await expect(alert).toHaveCount(0, { timeout: 30_000 });
    });
  });

  test.describe("as a viewer", () => {
    test.use({ signedInAs: "viewer" });

    test("watches test alerts but has no form to send one", async ({ page }) => {
      const monitoring = new MonitoringPage(page);
      await monitoring.goto("test-alerts");
      await expect(page.getByText("Sending test alerts needs the responder role or higher")).toBeVisible();
      await expect(monitoring.testAlertForm).toHaveCount(0);
    });
  });
});

test.describe("with an upstream down", () => {
  test("Prometheus down: each Prometheus page says so, routing keeps working, all recover", async ({ page }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "Failed to load resource" });
    const monitoring = new MonitoringPage(page);
    await monitoring.goto("targets");
    await expect(monitoring.job("inferno")).toBeVisible({ timeout: 45_000 });
    await controlService("prometheus", "stop");
    try {
      await expect(monitoring.panel("Scrape targets").getByRole("alert")).toContainText("Could not load scrape targets from Prometheus", { timeout: 30_000 });
      await expect(monitoring.panel("Scrape targets").getByRole("alert")).toContainText(/Prometheus at http:\/\/127\.0\.0\.1:\d+/);
      await monitoring.goto("rules");
      await expect(page.getByRole("alert").first()).toContainText("Could not load rules from Prometheus", { timeout: 30_000 });
      await monitoring.goto("cardinality");
      await expect(monitoring.panel("Head block").getByRole("alert")).toContainText("Could not load the TSDB status from Prometheus", { timeout: 30_000 });
      await monitoring.goto("routing");
      await expect(monitoring.route("root")).toContainText("team-ml", { timeout: 45_000 });
    } finally {
      await controlService("prometheus", "start");
    }
    await monitoring.goto("targets");
    await expect(monitoring.job("inferno")).toBeVisible({ timeout: 30_000 });
  });

  test("Alertmanager down: routing and test alerts say so, Prometheus pages keep working", async ({ page }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "Failed to load resource" });
    const monitoring = new MonitoringPage(page);
    await controlService("alertmanager-0", "stop");
    await controlService("alertmanager-1", "stop");
    try {
      await monitoring.goto("routing");
      await expect(page.getByRole("alert").first()).toContainText("Could not load the configuration from Alertmanager", { timeout: 30_000 });
      await expect(page.getByRole("alert").first()).toContainText(/No Alertmanager answered|Alertmanager at http/);
      await monitoring.goto("test-alerts");
      await expect(monitoring.panel("Test alerts in Alertmanager").getByRole("alert")).toContainText("Could not load alerts from Alertmanager", { timeout: 30_000 });
      await monitoring.goto("targets");
      await expect(monitoring.job("inferno")).toBeVisible({ timeout: 45_000 });
    } finally {
      await controlService("alertmanager-0", "start");
      await controlService("alertmanager-1", "start");
    }
    await monitoring.goto("routing");
    await expect(monitoring.route("root")).toContainText("team-ml", { timeout: 30_000 });
  });
});
