import type { APIRequestContext, Page } from "@playwright/test";
import { XSS_HOST, XSS_PAYLOADS } from "../../lib/runbooks/xss-payloads.ts";
import { expect, test } from "../fixtures/test.ts";
import { RunbookEditorPage, RunbookHistoryPage, RunbookListPage, RunbookPage } from "../pages/runbook-pages.ts";

const origin = () => process.env.VIGIL_TEST_CONSOLE_URL ?? "";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createRunbook(request: APIRequestContext, data: Record<string, unknown>): Promise<void> {
  const response = await request.post("/api/runbooks", { headers: { origin: origin() }, data });
  expect(response.status(), await response.text()).toBe(201);
}

async function deleteRunbook(request: APIRequestContext, slug: string): Promise<void> {
  const response = await request.delete(`/api/runbooks/${slug}`, { headers: { origin: origin() } });
  expect([200, 404]).toContain(response.status());
}

async function sendTestAlert(request: APIRequestContext, labels: Record<string, string>, resolve = false): Promise<void> {
  const response = await request.post("/api/alerts/test", { headers: { origin: origin() }, data: { labels, durationMinutes: 10, resolve } });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("an editor", () => {
  test.use({ signedInAs: "editor" });

  test("creates a runbook from the template, edits it with a live preview, links it to an alert and sees both ways", async ({ page, request }) => {
    test.setTimeout(180_000);
    const id = unique();
    const slug = `e2e-runbook-${id}`;
    const alertname = `VigilRunbookE2E${id}`;
    const editor = new RunbookEditorPage(page);
    const view = new RunbookPage(page);
    try {
      // Create, from the template.
      await page.goto("/runbooks");
      await page.getByRole("link", { name: "New runbook" }).click();
      await expect(editor.field("Body")).toHaveValue(/## Meaning[\s\S]*## Impact[\s\S]*## Diagnosis[\s\S]*## Mitigation[\s\S]*## Escalation/);
      await editor.field("Title").fill(`E2E runbook ${id}`);
      await editor.field("Slug").fill(slug);
      await editor.field("Team").fill("ml-platform");
      await editor.field("Tags").fill("e2e, inferno");
      await editor.save();
      await page.waitForURL(`**/runbooks/${slug}`);
      const article = view.article(`E2E runbook ${id}`);
      await expect(article.getByRole("heading", { name: "Meaning" })).toBeVisible();
      // The template's ```promql block is live: a chart of `up == 0` or its empty state, and the query on request.
      const live = view.liveQueries.first();
      await expect(live.getByRole("status", { name: "Loading live query" })).toHaveCount(0);
      await live.getByRole("button", { name: "Show query" }).click();
      await expect(live.getByText("up == 0", { exact: true })).toBeVisible();

      // Edit, with the preview following the text; link it to an alert by name.
      await page.getByRole("link", { name: "Edit", exact: true }).click();
      await editor.field("Alert names").fill(alertname);
      await editor.field("Body").fill(`# E2E runbook ${id}\n\n## Meaning\nFires when **${alertname}** fires.\n\n## Mitigation\nRestart it.\n`);
      await expect(editor.preview.getByText(`Fires when ${alertname} fires.`)).toBeVisible();
      await editor.save();
      await page.waitForURL(`**/runbooks/${slug}`);
      await expect(article.getByText("Restart it.")).toBeVisible();
      await expect(article.getByText(/Version 2/)).toBeVisible();

      // An alert with that name fires: the runbook shows it, unacknowledged...
      await sendTestAlert(request, { alertname, severity: "info", instance: "e2e:1" });
      await page.reload();
      await expect(view.linkedAlert(alertname)).toBeVisible({ timeout: 45_000 });
      const row = view.linkedAlert(alertname);
      await expect(row.getByText("Not acknowledged")).toBeVisible();
      // ...and the alert's runbooks (the component alert views render) list this runbook.
      await row.getByText("Runbooks for this alert").click();
      const fromAlert = row.getByRole("region", { name: `Runbooks for ${alertname}` });
      await expect(fromAlert.getByRole("link", { name: `E2E runbook ${id}` })).toBeVisible();
      await expect(fromAlert.getByText("by alert name")).toBeVisible();

      // Opening it from the alert carries the alert's labels into the page.
      await row.getByRole("link", { name: "Use this alert's labels" }).click();
      await expect(page.getByText(/Opened from an alert: .*instance=e2e:1/)).toBeVisible();

      // The same link through the API the alerts page uses.
      const answer = await (await request.get("/api/runbooks/for-alert", { params: { labels: JSON.stringify({ alertname }), annotations: "{}" } })).json();
      expect(answer.runbooks).toEqual([expect.objectContaining({ slug, reason: "alertname" })]);
    } finally {
      await sendTestAlert(request, { alertname, severity: "info", instance: "e2e:1" }, true);
      await deleteRunbook(request, slug);
    }
  });

  test("a save over a newer version is refused and shows both versions, never overwriting", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    // The refused save is a 409, which the browser logs.
    test.info().annotations.push({ type: "expected-console-error", description: "the server responded with a status of 409" });
    const slug = `e2e-conflict-${unique()}`;
    await createRunbook(request, { slug, title: "Conflict test", body: "Original line.\n" });
    const other = await browser.newContext({ storageState: await page.context().storageState(), baseURL: origin() });
    try {
      const mine = new RunbookEditorPage(page);
      await page.goto(`/runbooks/${slug}/edit`);
      await expect(mine.field("Body")).toHaveValue("Original line.\n");

      // Someone else saves first.
      const theirPage = await other.newPage();
      const theirs = new RunbookEditorPage(theirPage);
      await theirPage.goto(`/runbooks/${slug}/edit`);
      await theirs.field("Body").fill("Their line.\n");
      await theirs.save();
      await theirPage.waitForURL(`**/runbooks/${slug}`);

      await mine.field("Body").fill("My line.\n");
      await mine.save();
      await expect(mine.conflict).toBeVisible();
      await expect(mine.conflict).toContainText("saved by someone else");
      await expect(mine.conflict.getByText("Their line.").first()).toBeVisible();
      await expect(mine.conflict.getByText("My line.").first()).toBeVisible();
      expect((await (await request.get(`/api/runbooks/${slug}`)).json()).runbook).toMatchObject({ version: 2, body: "Their line.\n" });

      // Keeping mine is a deliberate save over their version.
      await mine.conflict.getByRole("button", { name: /Keep my edit/ }).click();
      await mine.save();
      await page.waitForURL(`**/runbooks/${slug}`);
      expect((await (await request.get(`/api/runbooks/${slug}`)).json()).runbook).toMatchObject({ version: 3, body: "My line.\n" });
    } finally {
      await other.close();
      await deleteRunbook(request, slug);
    }
  });

  test("compares any two revisions and restores one as a new version", async ({ page, request }) => {
    const slug = `e2e-history-${unique()}`;
    await createRunbook(request, { slug, title: "History test", body: "alpha\nbeta\n" });
    const patch = async (version: number, body: string) =>
      expect((await request.patch(`/api/runbooks/${slug}`, { headers: { origin: origin() }, data: { version, title: "History test", body } })).status()).toBe(200);
    await patch(1, "alpha\ngamma\n");
    await patch(2, "alpha\ngamma\ndelta\n");
    try {
      const history = new RunbookHistoryPage(page);
      await history.goto(slug, "?from=1&to=3");
      await expect(history.changes.locator('[data-diff="removed"]')).toHaveText([/- beta$/]);
      await expect(history.changes.locator('[data-diff="added"]')).toHaveText([/\+ gamma$/, /\+ delta$/]);

      await page.getByLabel("Compare from version").selectOption("2");
      await expect(page).toHaveURL(/from=2&to=3/);
      await expect(history.changes.locator('[data-diff="added"]')).toHaveText([/\+ delta$/]);

      page.once("dialog", (dialog) => void dialog.accept());
      await history.versions.getByRole("button", { name: "Restore version 1" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Restored version 1 as version 4." })).toBeVisible();
      expect((await (await request.get(`/api/runbooks/${slug}`)).json()).runbook).toMatchObject({ version: 4, body: "alpha\nbeta\n" });
      const audit = JSON.stringify(await (await request.get("/api/audit", { params: { targetType: "runbook", targetId: slug } })).json());
      for (const action of ["runbook.create", "runbook.update", "runbook.restore"]) expect(audit).toContain(action);
    } finally {
      await deleteRunbook(request, slug);
    }
  });

  test("searches with highlights and filters by tag, in the URL", async ({ page }) => {
    const list = new RunbookListPage(page);
    await list.goto();
    await list.search.fill("infer queue");
    await expect(page).toHaveURL(/q=infer\+queue/);
    const result = list.result("Inferno queue backlog");
    await expect(result).toBeVisible();
    await expect(result.locator("mark").first()).toBeVisible();

    await list.goto("tag=gpu");
    await expect(list.result("GPU fatal XID error")).toBeVisible();
    await expect(list.result("Inferno queue backlog")).toHaveCount(0);
  });
});

test.describe("a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("reads runbooks but cannot edit them", async ({ page, request }) => {
    const view = new RunbookPage(page);
    await view.goto("inferno-queue-backlog");
    await expect(view.article("Inferno queue backlog")).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "History", exact: true })).toBeVisible();
    await page.goto("/runbooks/new");
    await expect(page.getByRole("heading", { name: "You cannot write runbooks" })).toBeVisible();
    const refused = await request.patch("/api/runbooks/inferno-queue-backlog", { headers: { origin: origin() }, data: { version: 1, title: "x", body: "x" } });
    expect(refused.status()).toBe(403);
  });
});

/** Fails the test on any dialog, any request leaving the console, and any sign that script ran. */
async function watchForXss(page: Page): Promise<{ problems: string[] }> {
  const problems: string[] = [];
  const own = new URL(origin()).host;
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.host !== own || url.hostname === XSS_HOST) problems.push(`request to ${request.url()}`);
  });
  page.on("popup", (popup) => problems.push(`popup ${popup.url()}`));
  await page.addInitScript(() => {
    Object.defineProperty(window, "__xss", {
      configurable: false,
      set() {
        document.documentElement.dataset.xss = "tripped";
      },
      get() {
        return undefined;
      },
    });
  });
  return { problems };
}

test.describe("rendering is inert", () => {
  test.use({ signedInAs: "editor" });

  test(`${XSS_PAYLOADS.length} XSS payloads render without running script or making requests`, async ({ page, request }) => {
    test.setTimeout(180_000);
    // The payload that is a ```promql block becomes a live query Prometheus refuses (400): expected.
    test.info().annotations.push({ type: "expected-console-error", description: "the server responded with a status of 400" });
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const { problems } = await watchForXss(page);
    const chunks: string[][] = [];
    for (let index = 0; index < XSS_PAYLOADS.length; index += 12) chunks.push(XSS_PAYLOADS.slice(index, index + 12));
    const slugs = chunks.map((_, index) => `e2e-xss-${index}-${unique()}`);
    try {
      for (const [index, chunk] of chunks.entries()) {
        const slug = slugs[index] ?? "";
        // Raw HTML blocks opened by a payload (`<script\n>`) run until their closing tag: close them
        // after each payload (skipped as raw HTML too), so every payload renders on its own.
        const body = chunk.map((payload, offset) => `Payload ${index * 12 + offset}\n\n${payload}\n\n</script></style></textarea></pre>\n\n`).join("");
        await createRunbook(request, { slug, title: `XSS ${index}`, body, tags: ["e2e-xss"] });
        await page.goto(`/runbooks/${slug}`);
        await expect(page.getByRole("article", { name: `XSS ${index}` })).toBeVisible();
        for (let offset = 0; offset < chunk.length; offset += 1) await expect(page.getByText(`Payload ${index * 12 + offset}`, { exact: true })).toBeVisible();
        // Hover and focus everything a payload could hang a handler on, then click the links.
        for (const link of await page.getByRole("article").getByRole("link").all()) {
          const href = (await link.getAttribute("href")) ?? "";
          expect(href, "link href").not.toMatch(/^\s*(javascript|vbscript|data):/i);
          await link.hover();
        }
        await page.mouse.move(10, 10);
        await page.waitForLoadState("networkidle");
        expect(await page.evaluate(() => document.documentElement.dataset.xss ?? "clean")).toBe("clean");
        expect(await page.locator("article script, article iframe, article object, article embed, article form, article svg, article style").count()).toBe(0);
        // The editor's live preview renders the same body.
        await page.goto(`/runbooks/${slug}/edit`);
        await expect(page.getByRole("region", { name: "Preview" }).getByText(`Payload ${index * 12 + chunk.length - 1}`, { exact: true })).toBeVisible();
        await page.waitForLoadState("networkidle");
        expect(await page.evaluate(() => document.documentElement.dataset.xss ?? "clean")).toBe("clean");
      }
      expect(problems).toEqual([]);
    } finally {
      for (const slug of slugs) await deleteRunbook(request, slug);
    }
  });
});

test.describe("a live block", () => {
  test.use({ signedInAs: "editor" });

  test("draws a lone value as a dot and says when no value can be drawn", async ({ page, request }) => {
    const slug = `e2e-live-marks-${unique()}`;
    // One step of the last hour's 60 s grid has a value (a fresh series has one sample); the other query is NaN everywhere.
    const lone = Math.floor(Date.now() / 60_000) * 60 - 600;
    const body = [
      "# Lone values",
      "```promql",
      `vector(3) and on() (vector(time()) > ${lone - 30}) and on() (vector(time()) < ${lone + 30})`,
      "```",
      "```promql",
      "vector(0) / vector(0)",
      "```",
    ].join("\n");
    await createRunbook(request, { slug, title: "E2E lone values", body });
    try {
      const view = new RunbookPage(page);
      await view.goto(slug);
      await expect(view.liveQueries).toHaveCount(2);
      await expect(view.liveQueries.nth(0).locator("circle.isolated-point")).toHaveCount(1);
      await expect(view.liveQueries.nth(0).getByTestId("promql-value")).toHaveText("3");
      await expect(view.liveQueries.nth(1).getByText("No data to draw: the series has only NaN or infinite values in the last hour.")).toBeVisible();
    } finally {
      await deleteRunbook(request, slug);
    }
  });
});
