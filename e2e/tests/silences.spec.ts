import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures/test.ts";
import { SilencesPage } from "../pages/silences-page.ts";

const origin = () => process.env.VIGIL_TEST_CONSOLE_URL ?? "";

interface AlertJson {
  labels: Record<string, string>;
  status: { silencedBy: string[] };
}

async function sendTestAlert(request: APIRequestContext, alertname: string, resolve = false): Promise<void> {
  const response = await request.post("/api/alerts/test", {
    headers: { origin: origin() },
    data: { labels: { alertname, severity: "info" }, durationMinutes: 30, resolve },
  });
  expect(response.status()).toBe(200);
}

async function silencedBy(request: APIRequestContext, alertname: string): Promise<string[]> {
  const { alerts } = (await (await request.get("/api/alerts")).json()) as { alerts: AlertJson[] };
  return alerts.find((alert) => alert.labels.alertname === alertname)?.status.silencedBy ?? [];
}

/** The silence the scheduler made for the window's latest occurrence, or "" while there is none. */
async function windowSilenceId(request: APIRequestContext, name: string): Promise<string> {
  const { windows } = (await (await request.get("/api/maintenance-windows")).json()) as { windows: Array<{ name: string; recent: Array<{ silenceId: string | null }> }> };
  return windows.find((window) => window.name === name)?.recent[0]?.silenceId ?? "";
}

test.describe("a responder", () => {
  test.use({ signedInAs: "responder" });

  test("silences an alert from a pre-filled link, edits, expires and recreates the silence", async ({ page, request }) => {
    const alertname = `VigilSilenceE2E${Date.now()}`;
    const silences = new SilencesPage(page);
    const made: string[] = [];
    await sendTestAlert(request, alertname);
    try {
      // As the alert page links here: the alert's labels as matchers.
      await silences.gotoNew(`{alertname="${alertname}", vigil_test="true"}`, "Known issue, fix deploying");
      await expect(silences.matcherValue(1)).toHaveValue(alertname);
      await expect(silences.preview.getByRole("status").filter({ hasText: /Would silence 1 of \d+ firing alerts/ })).toBeVisible();
      await expect(silences.preview.getByRole("list", { name: "Matching alerts" })).toContainText(`alertname=${alertname}`);

      await silences.chooseDuration("1h");
      const id = await silences.submit("Create silence");
      made.push(id);
      const row = silences.row(id);
      await expect(row).toContainText("active");
      await expect(row).toContainText("Demo Responder");
      await expect(row).toContainText("Known issue, fix deploying");
      await expect(row.getByText("mutes 1 alert")).toBeVisible();
      await expect.poll(() => silencedBy(request, alertname)).toContain(id);

      // Edit: a new matcher set makes Alertmanager replace the silence; the page follows the new id.
      await row.getByRole("link", { name: "Edit" }).click();
      await expect(page.getByRole("heading", { name: "Edit silence", level: 1 })).toBeVisible();
      await silences.setOperator(1, "=~");
      await silences.matcherValue(1).fill(`${alertname}|${alertname}Other`);
      await silences.setComment("Known issue, widened");
      const replacement = await silences.submit("Save silence");
      made.push(replacement);
      expect(replacement).not.toBe(id);
      await expect(page.getByRole("status").filter({ hasText: `Alertmanager replaced silence ${id}` })).toBeVisible();
      await expect.poll(() => silencedBy(request, alertname)).toEqual([replacement]);

      // Expire, then recreate from the expired silence.
      await silences.goto(`q=${replacement}&state=active,pending,expired`);
      await silences.expire(replacement);
      await expect(silences.row(replacement)).toContainText("expired");
      await expect.poll(() => silencedBy(request, alertname)).toEqual([]);

      await silences.row(replacement).getByRole("link", { name: "Recreate" }).click();
      await expect(page.getByRole("heading", { name: "New silence", level: 1 })).toBeVisible();
      await expect(silences.form.getByLabel(/^Comment/)).toHaveValue("Known issue, widened");
      await expect(silences.preview.getByRole("list", { name: "Matching alerts" })).toContainText(`alertname=${alertname}`);
      const recreated = await silences.submit("Create silence");
      made.push(recreated);
      await expect(silences.row(recreated)).toContainText("active");
      await expect.poll(() => silencedBy(request, alertname)).toEqual([recreated]);

      const audit = JSON.stringify(await (await request.get("/api/audit", { params: { action: "silence." } })).json());
      for (const action of ["silence.create", "silence.update", "silence.expire"]) expect(audit).toContain(action);
    } finally {
      for (const id of made) await request.delete(`/api/silences/${id}`, { headers: { origin: origin() } });
      await sendTestAlert(request, alertname, true);
    }
  });

  test("a silence can start later: pending in the list, its end checked against its start before anything is sent", async ({ page, request }) => {
    const silences = new SilencesPage(page);
    const alertname = `VigilPendingE2E${Date.now()}`;
    const writes: string[] = [];
    page.on("request", (sent) => {
      if (sent.method() === "POST" && sent.url().includes("/api/silences")) writes.push(sent.url());
    });
    // datetime-local speaks the browser's zone, which is this machine's.
    const local = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 86_400_000);
    let id = "";
    try {
      await silences.gotoNew(`{alertname="${alertname}"}`, "Planned driver upgrade");
      await silences.form.getByLabel("Starts", { exact: true }).fill(local(start));
      await silences.form.getByLabel("Or end at").fill(local(new Date(start.getTime() - 3_600_000)));
      await silences.form.getByRole("button", { name: "Create silence" }).click();
      await expect(silences.form.getByRole("alert").filter({ hasText: "The end must be after the start." })).toBeVisible();
      expect(writes).toEqual([]);

      await silences.chooseDuration("2h");
      await expect(silences.form.getByText("Duration from the start")).toBeVisible();
      id = await silences.submit("Create silence");
      const row = silences.row(id);
      await expect(row).toContainText("pending");
      await expect(row).toContainText(/starts in (23h|1d)/);
      const { silence } = (await (await request.get(`/api/silences/${id}`)).json()) as { silence: { startsAt: string; endsAt: string } };
      expect(Date.parse(silence.startsAt)).toBe(start.getTime());
      expect(Date.parse(silence.endsAt)).toBe(start.getTime() + 2 * 3_600_000);
    } finally {
      if (id) await request.delete(`/api/silences/${id}`, { headers: { origin: origin() } });
    }
  });

  test("a malformed regex gets a field error before anything is sent", async ({ page }) => {
    const silences = new SilencesPage(page);
    const writes: string[] = [];
    page.on("request", (request) => {
      if (request.method() !== "GET" && request.url().includes("/api/silences")) writes.push(request.url());
    });
    await silences.gotoNew('{team="ml-platform"}');
    await silences.setOperator(1, "=~");
    await silences.matcherValue(1).fill("ml-(platform");
    await expect(silences.form.getByRole("alert").filter({ hasText: 'invalid regex "ml-(platform"' })).toBeVisible();
    await expect(silences.preview.getByText("Fix the matchers to see which alerts they match.")).toBeVisible();
    await silences.setComment("should never be sent");
    await silences.form.getByRole("button", { name: "Create silence" }).click();
    await expect(page).toHaveURL(/\/silences\/new/);
    await expect(silences.form.getByRole("alert").filter({ hasText: "invalid regex" })).toBeVisible();
    expect(writes).toEqual([]);
  });

  test("creates a recurring maintenance window; the server makes its silence on time; deleting it expires the silence", async ({ page, request }) => {
    const name = `E2E window ${Date.now()}`;
    const value = `VigilE2EMaintenance${Date.now()}`;
    // A weekly window (UTC) that started a minute ago, so an occurrence is under way now.
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][start.getUTCDay()] ?? "Sat";
    const time = `${String(start.getUTCHours()).padStart(2, "0")}:${String(start.getUTCMinutes()).padStart(2, "0")}`;

    await page.goto("/silences/windows");
    await page.getByRole("button", { name: "New window" }).click();
    const form = page.getByRole("form", { name: "New maintenance window" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Time zone").fill("UTC");
    await form.getByLabel("Sat", { exact: true }).uncheck();
    await form.getByLabel(day, { exact: true }).check();
    await form.getByLabel("Start time").fill(time);
    await form.getByLabel("Duration").fill("2h");
    await form.getByLabel("Matcher 1 value").fill(value);
    await form.getByLabel(/^Comment/).fill("Weekly driver updates");
    await form.getByRole("button", { name: "Create window" }).click();
    const item = page.getByRole("listitem", { name: `Window ${name}` });
    await expect(item).toBeVisible();
    await expect(item.getByRole("list", { name: "Next occurrences" }).getByRole("listitem")).toHaveCount(3);

    // The scheduler in the console's server creates the occurrence's silence (it ticks every 30 s).
    await expect.poll(() => windowSilenceId(request, name), { timeout: 60_000 }).not.toBe("");
    const silenceId = await windowSilenceId(request, name);
    const silence = (await (await request.get(`/api/silences/${silenceId}`)).json()) as { silence: { status: { state: string }; matchers: Array<{ value: string }> } };
    expect(silence.silence.status.state).toBe("active");
    expect(silence.silence.matchers.map((matcher) => matcher.value)).toEqual([value]);
    await page.reload();
    await expect(item.getByRole("link", { name: silenceId.slice(0, 8) })).toBeVisible();

    await item.getByRole("button", { name: "Delete", exact: true }).click();
    await item.getByRole("button", { name: "Delete now" }).click();
    await expect(item).toBeHidden();
    const expired = (await (await request.get(`/api/silences/${silenceId}`)).json()) as { silence: { status: { state: string } } };
    expect(expired.silence.status.state).toBe("expired");
  });
});

test.describe("a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("reads silences but is offered no changes, and cannot open the form", async ({ page, request }) => {
    const silences = new SilencesPage(page);
    await silences.goto();
    await expect(silences.list).toBeVisible();
    await expect(silences.list.getByRole("link", { name: "New silence" })).toHaveCount(0);
    await page.goto("/silences/new");
    await expect(page.getByRole("heading", { name: "You cannot create silences" })).toBeVisible();
    const refused = await request.post("/api/silences", {
      headers: { origin: origin() },
      data: { matchers: [{ name: "a", operator: "=", value: "b" }], endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: "x" },
    });
    expect(refused.status()).toBe(403);
  });
});
