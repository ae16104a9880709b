import { controlService, expect, test } from "../fixtures/test.ts";
import { AlertsPage } from "../pages/alerts-page.ts";

const alertmanagers = () => (process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "").split(",").filter(Boolean);
const origin = () => process.env.VIGIL_TEST_CONSOLE_URL ?? "";

interface TestAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
}

/** Posts to every Alertmanager, as Prometheus does (alerts are not gossiped). */
async function post(alerts: TestAlert[]): Promise<void> {
  for (const url of alertmanagers()) {
    const response = await fetch(`${url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(alerts) });
    expect(response.ok, await response.text()).toBe(true);
  }
}

function firing(labels: Record<string, string>, startsAt = new Date()): TestAlert {
  return {
    labels,
    annotations: { summary: `**${labels.alertname}** posted by the alerts e2e test`, runbook_url: "https://runbooks.example/e2e" },
    startsAt: startsAt.toISOString(),
    endsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
  };
}

async function resolve(labels: Record<string, string>): Promise<void> {
  await post([{ labels, endsAt: new Date().toISOString() }]);
}

test.describe("the alert list", () => {
  test.use({ signedInAs: "responder" });

  test("acknowledges an alert from its detail panel; a second acknowledgement is told who was first", async ({ page, request }) => {
    const alerts = new AlertsPage(page);
    const labels = { alertname: `E2eAck${Date.now()}`, severity: "critical", service: "e2e" };
    await post([firing(labels)]);
    try {
      await alerts.goto(`q=${encodeURIComponent(`alertname="${labels.alertname}"`)}`);
      await alerts.alert(labels.alertname).click();
      await expect(page).toHaveURL(/alert=[0-9a-f]{16}/);
      await expect(alerts.detail.getByRole("region", { name: "summary" })).toContainText(`${labels.alertname} posted by the alerts e2e test`);
      await expect(alerts.detail.getByRole("region", { name: "Runbooks" }).getByRole("link", { name: "https://runbooks.example/e2e" })).toBeVisible();
      await alerts.acknowledgeOpenAlert("on it");
      await expect(alerts.detail.getByRole("region", { name: "Acknowledgement" })).toContainText("Acknowledged by Demo Responder");
      await expect(alerts.alert(labels.alertname)).toContainText("acked by Demo Responder");

      // Someone else acknowledging the same episode through the API gets a 409 naming the first.
      const { alerts: listed } = await (await request.get("/api/alerts")).json();
      const alert = listed.find((candidate: { labels: Record<string, string> }) => candidate.labels.alertname === labels.alertname);
      const again = await request.post("/api/acknowledgements", { headers: { origin: origin() }, data: { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }] } });
      expect(again.status()).toBe(409);
      expect((await again.json()).error).toMatch(/Already acknowledged by Demo Responder/);

      await alerts.detail.getByRole("button", { name: "Unacknowledge" }).click();
      await expect(alerts.detail.getByRole("region", { name: "Acknowledgement" })).toContainText("Not acknowledged.");
      await expect(alerts.detail.getByRole("list", { name: "Acknowledgement history" })).toContainText("unacknowledged by Demo Responder");
    } finally {
      await resolve(labels);
    }
  });

  test("an alert that resolves and fires again is unacknowledged again", async ({ page }) => {
    const alerts = new AlertsPage(page);
    const labels = { alertname: `E2eRefire${Date.now()}`, severity: "warning", service: "e2e" };
    await post([firing(labels, new Date(Date.now() - 60_000))]);
    try {
      await alerts.goto(`q=${encodeURIComponent(labels.alertname)}`);
      await alerts.alert(labels.alertname).click();
      await alerts.acknowledgeOpenAlert();
      await expect(alerts.alert(labels.alertname)).toContainText("acked by Demo Responder");

      await resolve(labels);
      await expect(alerts.list).toHaveCount(0, { timeout: 30_000 });
      await post([firing(labels)]);
      await page.reload();
      await expect(alerts.alert(labels.alertname)).toBeVisible();
      await expect(alerts.alert(labels.alertname)).not.toContainText("acked");
      await expect(alerts.detail.getByRole("region", { name: "Acknowledgement" })).toContainText("Not acknowledged.");
    } finally {
      await resolve(labels);
    }
  });

  test("filters, groups and selects through the URL, and moves by keyboard", async ({ page }) => {
    const alerts = new AlertsPage(page);
    const run = `e2e${Date.now()}`;
    const a = { alertname: "E2eFilterA", severity: "critical", e2e_run: run, team: "ml-serving" };
    const b = { alertname: "E2eFilterB", severity: "warning", e2e_run: run, team: "data" };
    await post([firing(a), firing(b)]);
    try {
      await alerts.goto(`q=${encodeURIComponent(`e2e_run="${run}" team=~"ml.*"`)}&group=team`);
      await expect(alerts.filter).toHaveValue(`e2e_run="${run}" team=~"ml.*"`);
      await expect(alerts.alert("E2eFilterA")).toBeVisible();
      await expect(alerts.alert("E2eFilterB")).toHaveCount(0);
      await expect(alerts.list.getByRole("button", { name: /team="ml-serving"/ })).toBeVisible();

      // Typing changes the list at once and the URL once typing pauses.
      await alerts.filter.fill(`e2e_run="${run}"`);
      await expect(alerts.alert("E2eFilterB")).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`q=e2e_run%3D%22${run}%22`));

      // Keyboard: move to the first alert and open it.
      await page.getByRole("heading", { name: "Alerts", level: 1 }).click();
      await page.keyboard.press("j");
      await expect(alerts.list.locator("[data-active]")).toHaveCount(1);
      await page.keyboard.press("Enter");
      await expect(alerts.detail).toBeVisible();
      await expect(page).toHaveURL(/alert=[0-9a-f]{16}/);
      const shared = page.url();

      // The shared link reproduces the view, the open alert included.
      await page.goto(shared);
      await expect(alerts.detail).toBeVisible();
      await expect(alerts.filter).toHaveValue(`e2e_run="${run}"`);
    } finally {
      await resolve(a);
      await resolve(b);
    }
  });

  test("starts the list's request from the document's Link header and uses that answer", async ({ page }) => {
    const document = await page.goto("/alerts?refresh=off");
    // Next adds its own (stylesheets); ours is one of them.
    expect(document?.headers().link?.split(/\n|,\s*(?=<)/)).toContain("</api/alerts>; rel=preload; as=fetch; crossorigin=anonymous");
    // The counts show once the list has arrived.
    await expect(page.getByRole("term").filter({ hasText: "Shown" })).toBeVisible({ timeout: 15_000 });
    // One request for the plain list: the page's fetch took the preloaded answer (a follow-up for a
    // newer snapshot asks ?after=, not counted).
    const lists = await page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => new URL(entry.name).pathname === "/api/alerts" && !new URL(entry.name).search).length);
    expect(lists).toBe(1);
  });

  test("shows a banner for an Alertmanager peer that is down, and the alerts from the other", async ({ page }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "Failed to load resource" });
    const alerts = new AlertsPage(page);
    const labels = { alertname: `E2ePeerDown${Date.now()}`, severity: "info" };
    await post([firing(labels)]);
    await controlService("alertmanager-1", "stop");
    try {
      await alerts.goto(`refresh=5s&q=${labels.alertname}`);
      await expect(page.getByRole("alert").filter({ hasText: /Alertmanager http:\/\/127\.0\.0\.1:\d+ is unreachable/ })).toBeVisible({ timeout: 30_000 });
      await expect(alerts.alert(labels.alertname)).toContainText("1/2 instances");
    } finally {
      await controlService("alertmanager-1", "start");
    }
    await expect(page.getByRole("alert").filter({ hasText: /is unreachable/ })).toHaveCount(0, { timeout: 30_000 });
    await resolve(labels);
  });
});

test.describe("a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("sees alerts but no acknowledge action, and the API refuses one", async ({ page, request }) => {
    const alerts = new AlertsPage(page);
    const labels = { alertname: `E2eViewer${Date.now()}`, severity: "info" };
    await post([firing(labels)]);
    try {
      await alerts.goto(`q=${labels.alertname}`);
      await alerts.alert(labels.alertname).click();
      await expect(alerts.detail.getByRole("region", { name: "Acknowledgement" })).toContainText("Not acknowledged.");
      await expect(alerts.detail.getByRole("button", { name: "Acknowledge", exact: true })).toHaveCount(0);
      const response = await request.post("/api/acknowledgements", { headers: { origin: origin() }, data: { alerts: [{ fingerprint: "0000000000000000", startsAt: new Date().toISOString() }] } });
      expect(response.status()).toBe(403);
    } finally {
      await resolve(labels);
    }
  });
});
