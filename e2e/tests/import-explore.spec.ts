import path from "node:path";
import pg from "pg";
import { expect, test } from "../fixtures/test.ts";
import { ExplorePage } from "../pages/explore-page.ts";
import { ImportPage } from "../pages/import-page.ts";

const fixtures = path.resolve("lib/dashboards/grafana/fixtures");
const origin = () => process.env.VIGIL_TEST_CONSOLE_URL ?? "";

/** Removes what a test stored (dashboards and history rows); audit events are append-only and stay. */
async function cleanUp(sql: string, values: unknown[]): Promise<void> {
  const url = process.env.VIGIL_TEST_DATABASE_URL;
  if (!url) throw new Error("VIGIL_TEST_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

test.describe("Grafana import", () => {
  test.use({ signedInAs: "editor" });

  test("an editor uploads a real dashboard, reads the report, imports it under a uid of their choice and gets a link", async ({ page }) => {
    const uid = `inferno-e2e-${unique()}`;
    const importPage = new ImportPage(page);
    try {
      await importPage.goto();
      await importPage.upload(path.join(fixtures, "inferno-dashboard.json"));
      await expect(importPage.report.getByText("8 panels: 7 converted, 1 partial, 0 unsupported (Grafana schemaVersion 27).")).toBeVisible();
      await expect(importPage.reportRow("Pod Memory Usage")).toContainText('unit "decmbytes" has no equivalent');
      await expect(importPage.reportRow("Request Rate (5m average)")).toContainText("converted");
      await expect(importPage.reportRow("$datasource")).toContainText("datasource");
      await expect(page.getByLabel("Uid")).toHaveValue("inferno-overview");

      await importPage.importAs(uid, "Inferno from e2e");
      const done = page.getByRole("status").filter({ hasText: 'Imported "Inferno from e2e"' });
      await expect(done).toBeVisible();
      await expect(done.getByRole("link", { name: "Open the dashboard" })).toHaveAttribute("href", `/dashboards/${uid}`);
    } finally {
      await cleanUp("DELETE FROM dashboards WHERE uid = $1", [uid]);
    }
  });

  test("a file that is not a Grafana dashboard gets an error saying what it is", async ({ page }) => {
    test.info().annotations.push({ type: "expected-console-error", description: "status of 400" });
    const importPage = new ImportPage(page);
    await importPage.goto();
    await importPage.paste(JSON.stringify({ kind: "Dashboard", metadata: { name: "x", project: "p" }, spec: { panels: {}, layouts: [] } }));
    const error = page.getByRole("alert").filter({ hasText: "This is a Perses dashboard" });
    await expect(error).toContainText("Vigil imports Grafana dashboard JSON");
    await expect(importPage.report).toHaveCount(0);
  });

  test("the route refuses an import under a uid that exists, and dryRun says it is taken", async ({ request }) => {
    const uid = `taken-${unique()}`;
    const source = JSON.stringify({ uid, title: "Taken", panels: [] });
    try {
      const first = await request.post("/api/dashboards/import", { headers: { origin: origin() }, data: { source } });
      expect(first.status()).toBe(201);
      const check = await request.post("/api/dashboards/import?dryRun=1", { headers: { origin: origin() }, data: { source } });
      expect(await check.json()).toMatchObject({ uid, uidTaken: true });
      const again = await request.post("/api/dashboards/import", { headers: { origin: origin() }, data: { source } });
      expect(again.status()).toBe(409);
    } finally {
      await cleanUp("DELETE FROM dashboards WHERE uid = $1", [uid]);
    }
  });
});

test.describe("Grafana import as a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("is refused, naming the role it needs", async ({ page }) => {
    await page.goto("/dashboards/import");
    await expect(page.getByRole("heading", { name: "You cannot import dashboards" })).toBeVisible();
  });
});

test.describe("Explore", () => {
  test.use({ signedInAs: "editor" });

  test.afterEach(async () => {
    await cleanUp("DELETE FROM query_history WHERE user_id = (SELECT id FROM users WHERE email = 'editor@vigil.local')", []);
  });

  test("completes metric names and labels through the console, runs a query as a graph and a table, keeps it in the URL and the history", async ({ page }) => {
    const explore = new ExplorePage(page);
    await explore.goto();
    await explore.type("prometheus_build_inf");
    await expect(explore.completions.getByRole("option", { name: /prometheus_build_info/ })).toBeVisible();
    await explore.type("up{jo");
    await expect(explore.completions.getByRole("option", { name: /^job/ })).toBeVisible();

    await explore.run("up");
    await expect(page).toHaveURL(/\/explore\?expr=up(&|$)/);
    await expect(explore.results.getByRole("img", { name: "Result of up" })).toBeVisible();
    await expect(explore.results).toContainText(/\d+ series; step \d+s/);

    await explore.showTab("Table");
    await expect(page).toHaveURL(/tab=table/);
    await expect(explore.results.getByRole("cell", { name: /^up\{.*job=/ }).first()).toBeVisible();

    await expect(explore.history.getByRole("button", { name: "up", exact: true })).toBeVisible();
  });

  test("shows Prometheus's own message when the query is wrong", async ({ page }) => {
    test.info().annotations.push({ type: "expected-console-error", description: "status of 400" });
    const explore = new ExplorePage(page);
    await explore.goto("expr=" + encodeURIComponent("sum(rate(up[5m])"));
    await expect(explore.results.getByRole("alert")).toContainText("The query failed");
    await expect(explore.results.getByRole("alert")).toContainText(/parse error|unclosed left parenthesis/);
  });

  test("reuses a query from the history", async ({ page }) => {
    const explore = new ExplorePage(page);
    await explore.goto();
    await explore.run("count(up)");
    await expect(explore.history.getByRole("button", { name: "count(up)" })).toBeVisible();
    await explore.run("vector(1)");
    await expect(page).toHaveURL(/expr=vector/);
    await explore.history.getByRole("button", { name: "count(up)" }).click();
    await expect(page).toHaveURL(/expr=count%28up%29/);
    await expect(explore.editor).toHaveText("count(up)");
  });

  test("adds the query to a new dashboard and links to it", async ({ page }) => {
    const title = `Explore e2e ${unique()}`;
    const explore = new ExplorePage(page);
    try {
      await explore.goto("expr=" + encodeURIComponent("sum by (job) (up)"));
      await page.getByRole("button", { name: "Add to dashboard" }).click();
      const dialog = page.getByRole("dialog", { name: "Add to dashboard" });
      await dialog.getByLabel("Panel title").fill("Targets up by job");
      await dialog.getByLabel("A new dashboard").check();
      await dialog.getByLabel("New dashboard title").fill(title);
      await dialog.getByRole("button", { name: "Add panel" }).click();
      await expect(dialog.getByRole("status")).toContainText(`Added to "${title}"`);
      const link = dialog.getByRole("link", { name: "Open the dashboard" });
      await expect(link).toHaveAttribute("href", /^\/dashboards\/explore-e2e-/);
    } finally {
      await cleanUp("DELETE FROM dashboards WHERE title = $1", [title]);
    }
  });
});

test.describe("Explore as a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("runs queries but cannot add them to a dashboard", async ({ page }) => {
    const explore = new ExplorePage(page);
    await explore.goto("expr=up&tab=table");
    await expect(explore.results.getByRole("cell", { name: /^up\{/ }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Add to dashboard" })).toHaveCount(0);
  });
});
