import { readFile } from "node:fs/promises";
import pg from "pg";
import { z } from "zod";
import { emailOf, expect, test } from "../fixtures/test.ts";
import { AuditPage } from "../pages/audit-page.ts";
import { SignInPage } from "../pages/sign-in-page.ts";
import { TokensPage } from "../pages/tokens-page.ts";
import { UsersPage } from "../pages/users-page.ts";

// Identity, roles and audit through the console: people, tokens, the audit log, and what a role
// too low sees. Everything this file creates is removed afterwards, except audit events, which
// the database refuses to delete by design.

const DOMAIN = "e2e-admin.vigil.local";
const TOKEN_MARK = "e2e-admin";
const NEW_PASSWORD = "correct horse e2e staple";

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite through \`npm test\` or \`npx playwright test\``);
  return value;
}

/** The console's own Origin, which the CSRF check wants on a cookie-authenticated write. */
function originOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error("baseURL is not set");
  return new URL(baseURL).origin;
}

function unique(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test.afterAll(async () => {
  const database = new pg.Client({ connectionString: requiredEnv("VIGIL_TEST_DATABASE_URL") });
  await database.connect();
  try {
    // Sessions, tokens and set-password links go with their users.
    await database.query("delete from users where email like $1", [`%@${DOMAIN}`]);
    await database.query("delete from api_tokens where name like $1", [`%${TOKEN_MARK}%`]);
  } finally {
    await database.end();
  }
});

const meSchema = z.object({ name: z.string(), role: z.string(), type: z.string() });

test.describe("people (as an admin)", () => {
  test("an invited person sets a password through the link and signs in; a role change and disabling apply to their open session at once", async ({
    page,
    browser,
    baseURL,
    request,
  }) => {
    const users = new UsersPage(page);
    const email = `${unique("invitee")}@${DOMAIN}`;
    const name = unique("Invitee");
    await users.goto();
    const link = await users.invite(email, name, "responder");
    expect(link).toMatch(new RegExp(`^${originOf(baseURL)}/set-password\\?token=vgp_[A-Za-z0-9_-]{43}$`));
    await expect(users.row(name)).toContainText("invited");

    // The invitee, in a browser of their own.
    const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    try {
      const invitee = await context.newPage();
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { name: "Choose your password" })).toBeVisible();
      await invitee.getByLabel(/^Password/).fill(NEW_PASSWORD);
      await invitee.getByLabel("Repeat the password").fill("something else entirely");
      await invitee.getByRole("button", { name: "Set my password" }).click();
      await expect(invitee.getByText("The passwords differ.")).toBeVisible();
      await invitee.getByLabel("Repeat the password").fill(NEW_PASSWORD);
      await invitee.getByRole("button", { name: "Set my password" }).click();
      await expect(invitee.getByText("Your password is set.")).toBeVisible();
      await invitee.getByRole("link", { name: "Sign in" }).click();
      await new SignInPage(invitee).signIn(email, NEW_PASSWORD);
      await expect(invitee.getByRole("heading", { name: "Overview" })).toBeVisible();
      const nav = invitee.getByRole("navigation", { name: "Main" });
      await expect(nav.getByText(name)).toBeVisible();
      await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
      expect(meSchema.parse(await (await context.request.get("/api/auth/me")).json())).toMatchObject({ name, role: "responder", type: "user" });

      // The link worked once.
      await invitee.goto(link);
      await expect(invitee.getByText("This link does not work")).toBeVisible();

      await users.goto();
      await expect(users.row(name)).toContainText("password set");
      await expect(users.row(name).getByRole("cell").nth(5)).toHaveText("1");
      await users.setRole(name, "viewer");
      expect(meSchema.parse(await (await context.request.get("/api/auth/me")).json()).role).toBe("viewer");

      await users.disable(name);
      await expect(users.row(name)).toContainText("disabled");
      const refused = await context.request.get("/api/auth/me");
      expect(refused.status()).toBe(401);
      await invitee.goto("/");
      await expect(invitee).toHaveURL(/\/sign-in/);
    } finally {
      await context.close();
    }

    // The audit log tells the story, with the admin as actor and no secret in it.
    const list = z.object({ users: z.array(z.object({ id: z.string(), email: z.string() })) }).parse(await (await request.get("/api/admin/users")).json());
    const id = list.users.find((user) => user.email === email)?.id ?? "";
    const events = z
      .object({ events: z.array(z.object({ action: z.string(), actorName: z.string() })) })
      .parse(await (await request.get(`/api/audit?targetType=user&targetId=${id}`)).json()).events;
    expect(events.map((event) => event.action)).toEqual(["user.disable", "user.role_change", "auth.sign_in", "user.password_set", "user.create"]);
    expect(events.find((event) => event.action === "user.create")?.actorName).toBe("Demo Admin");
    expect(JSON.stringify(events)).not.toContain(new URL(link).searchParams.get("token"));
  });

  test("an admin cannot demote or disable themself, and the API says why", async ({ request, baseURL }) => {
    const list = z.object({ users: z.array(z.object({ id: z.string(), email: z.string() })) }).parse(await (await request.get("/api/admin/users")).json());
    const self = list.users.find((user) => user.email === emailOf("admin"));
    if (!self) throw new Error("the demo admin is missing");
    const headers = { origin: originOf(baseURL) };
    for (const data of [{ role: "editor" }, { disabled: true }]) {
      const response = await request.patch(`/api/admin/users/${self.id}`, { headers, data });
      expect(response.status()).toBe(409);
      expect((await response.json()).error).toMatch(/You cannot (demote|disable) yourself/);
    }
  });

  test("malformed bodies sent to the real server get a 400 naming the problem", async ({ request, baseURL }) => {
    const headers = { origin: originOf(baseURL), "content-type": "application/json" };
    // Buffers: Playwright would JSON-encode a string body.
    const cases: Array<[string, string, string, RegExp]> = [
      ["POST", "/api/admin/users", "{", /not valid JSON/],
      ["POST", "/api/admin/users", "", /no body/],
      ["POST", "/api/admin/users", JSON.stringify({ email: "x@y.z", name: "X", role: "owner" }), /Choose a role/],
      ["POST", "/api/admin/users", JSON.stringify({ email: "x@y.z", name: "x".repeat(70_000), role: "viewer" }), /larger than 64 KiB/],
      ["POST", "/api/tokens", JSON.stringify({ name: "ci", role: "viewer", expiresInDays: 400 }), /at most 365 days/],
      ["POST", "/api/tokens", "\xff\xfe{", /not valid UTF-8/],
      ["PATCH", "/api/admin/users/not-a-uuid", JSON.stringify({ role: "viewer" }), /not a valid id/],
      ["DELETE", "/api/tokens/00000000-0000-4000-8000-000000000000", JSON.stringify({ force: true }), /Unrecognized key/],
      ["DELETE", `/api/admin/sessions/${"z".repeat(64)}`, "", /not a valid session id/],
      ["POST", "/api/auth/set-password", JSON.stringify({ token: "vgp_x", password: "p", confirm: "p" }), /This link is damaged/],
    ];
    for (const [method, path, data, message] of cases) {
      const response = await request.fetch(path, { method, headers, data: Buffer.from(data, "latin1") });
      const body = await response.json();
      expect(response.status(), `${method} ${path}: ${JSON.stringify(body)}`).toBe(400);
      expect(body.error, `${method} ${path}`).toMatch(message);
      expect(body.issues, `${method} ${path}`).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]));
    }
  });
});

test.describe("the audit log", () => {
  test("lists a person's history, filters by action in the URL, pages, and exports the filtered rows as CSV", async ({
    page,
    request,
    playwright,
    baseURL,
  }) => {
    const headers = { origin: originOf(baseURL) };
    // Automation whose token name a spreadsheet would run as a formula.
    const tokenName = `=HYPERLINK("http://evil.example") ${TOKEN_MARK} ${unique("formula")}`;
    const created = await request.post("/api/tokens", { headers, data: { name: tokenName, role: "admin", expiresInDays: 1 } });
    expect(created.status()).toBe(201);
    const { secret } = z.object({ secret: z.string() }).parse(await created.json());
    const automation = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    let userId: string;
    try {
      const invited = await automation.post("/api/admin/users", { data: { email: `${unique("audited")}@${DOMAIN}`, name: unique("Audited"), role: "viewer" } });
      expect(invited.status()).toBe(201);
      userId = z.object({ user: z.object({ id: z.string() }) }).parse(await invited.json()).user.id;
    } finally {
      await automation.dispose();
    }
    for (const data of [{ role: "responder" }, { role: "editor" }, { disabled: true }]) {
      expect((await request.patch(`/api/admin/users/${userId}`, { headers, data })).status()).toBe(200);
    }

    const audit = new AuditPage(page);
    await audit.goto(`targetId=${userId}`);
    await expect(audit.rows).toHaveCount(4);
    await expect(audit.rows.first()).toContainText("user.disable");
    await expect(audit.rows.first()).toContainText("Demo Admin");
    await expect(audit.rows.last()).toContainText("user.create");
    await expect(audit.rows.last()).toContainText(`${tokenName} (token)`);

    await audit.filter({ "Action (exact, or a prefix ending in .)": "user.role_change" });
    await expect(page).toHaveURL(new RegExp(`action=user\\.role_change&targetId=${userId}`));
    await expect(audit.rows).toHaveCount(2);
    await expect(audit.events).toContainText('"role":"editor"');

    const download = await audit.exportCsv();
    expect(download.suggestedFilename()).toMatch(/^vigil-audit-.*\.csv$/);
    const lines = (await readFile(await download.path(), "utf8")).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,at,actor_type,actor_id,actor_name,action,target_type,target_id,before,after,request_address");
    expect(lines).toHaveLength(3);
    for (const line of lines.slice(1)) expect(line).toContain(`,user.role_change,user,${userId},`);

    // A prefix matches every action under it; a time range shows in local time in the form.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await audit.goto(`action=user.&targetId=${userId}&from=${encodeURIComponent(hourAgo)}`);
    await expect(audit.rows).toHaveCount(4);
    await expect(page.getByLabel("From")).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await audit.goto(`targetId=${userId}&to=${encodeURIComponent(hourAgo)}`);
    await expect(audit.events.getByText("No audit events match these filters.")).toBeVisible();
    // The token's name starts with "=": in the export it is text a spreadsheet will not run.
    const all = await request.get(`/api/audit/export.csv?targetId=${userId}`);
    expect(all.headers()["content-disposition"]).toMatch(/^attachment; filename="vigil-audit-/);
    expect(await all.text()).toContain(`,"'=HYPERLINK(""http://evil.example"") ${TOKEN_MARK}`);

    // Paging in the page: three rows, then "Load more" brings the fourth and goes away.
    await audit.goto(`targetId=${userId}&limit=3`);
    await expect(audit.rows).toHaveCount(3);
    await audit.events.getByRole("button", { name: "Load more" }).click();
    await expect(audit.rows).toHaveCount(4);
    await expect(audit.events.getByRole("button", { name: "Load more" })).toHaveCount(0);

    // And in the API: three, then the last one, then no cursor.
    const pageSchema = z.object({ events: z.array(z.object({ id: z.string() })), nextCursor: z.string().nullable() });
    const first = pageSchema.parse(await (await request.get(`/api/audit?targetId=${userId}&limit=3`)).json());
    expect(first.events).toHaveLength(3);
    const rest = pageSchema.parse(await (await request.get(`/api/audit?targetId=${userId}&limit=3&cursor=${first.nextCursor}`)).json());
    expect(rest.events).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });
});

test.describe("as a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("sees no admin links, gets 403 from the admin API and a clear page for it", async ({ page, request }) => {
    await page.goto("/audit");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Tokens" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Sessions" })).toHaveCount(0);

    const api = await request.get("/api/admin/users");
    expect(api.status()).toBe(403);
    expect((await api.json()).error).toContain("needs admin");
    expect((await request.get("/api/tokens?all=1")).status()).toBe(403);

    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "You cannot manage users" })).toBeVisible();
    await expect(page.getByText("Your role is viewer")).toBeVisible();
    await page.goto("/admin/sessions");
    await expect(page.getByRole("heading", { name: "You cannot see who is signed in" })).toBeVisible();

    // Viewers read the whole audit log.
    await page.goto("/audit");
    await expect(page.getByRole("region", { name: "Events" }).getByRole("row").nth(1)).toBeVisible();
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  });
});

test.describe("API tokens (as a responder)", () => {
  test.use({ signedInAs: "responder" });

  test("a token is shown once, acts as the responder with Authorization: Bearer, and stops working when revoked", async ({
    page,
    playwright,
    request,
    baseURL,
  }) => {
    const tokens = new TokensPage(page);
    const name = `${TOKEN_MARK} ${unique("ci")}`;
    await tokens.goto();
    // A responder cannot make a token above their own role, in the form or through the API.
    await expect(page.getByRole("form", { name: "Create a token" }).getByLabel("Role").locator("option")).toHaveText([/^viewer/, /^responder/]);
    const tooHigh = await request.post("/api/tokens", { headers: { origin: originOf(baseURL) }, data: { name: `${TOKEN_MARK} x`, role: "admin", expiresInDays: 1 } });
    expect(tooHigh.status()).toBe(403);
    expect((await tooHigh.json()).error).toContain("at most your own");

    const secret = await tokens.create(name, "responder", "30 days");
    expect(secret).toMatch(/^vgl_[A-Za-z0-9_-]{43}$/);
    const row = tokens.list.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(secret.slice(0, 12));
    await expect(row).toContainText("active");
    await expect(page.getByText(secret.slice(12))).toHaveCount(0);

    // A client without any cookie, as automation would be.
    const automation = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
    try {
      const me = await automation.get("/api/auth/me");
      expect(me.status()).toBe(200);
      expect(await me.json()).toMatchObject({ name: `${name} (token)`, role: "responder", type: "token", via: "token" });
      expect((await automation.get("/api/admin/users")).status()).toBe(403);

      await tokens.goto();
      await expect(row).not.toContainText("never");
      await tokens.revoke(name);
      const revoked = await automation.get("/api/auth/me");
      expect(revoked.status()).toBe(401);
    } finally {
      await automation.dispose();
    }
  });
});
