import type { Page } from "@playwright/test";
import pg from "pg";
import { z } from "zod";
import { emailOf, expect, test, testPassword } from "../fixtures/test.ts";
import { SignInPage } from "../pages/sign-in-page.ts";
import { TestIdpPage } from "../pages/test-idp-page.ts";
import { TEST_OIDC_ACCOUNTS, TEST_OIDC_DISPLAY_NAME, TEST_OIDC_EMAIL_DOMAIN } from "../../stack/oidc-test-identities.ts";

// Single sign-on against the real OpenID Connect provider the test stack runs (stack/oidc-provider.ts),
// configured with VIGIL_ROLE_GROUPS "admin=vigil-admins;responder=oncall" and the default role viewer.

test.use({ signedInAs: null });

const SSO_BUTTON = `Sign in with ${TEST_OIDC_DISPLAY_NAME}`;

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e suite through \`npm test\` or \`npx playwright test\``);
  return value;
}

const userRow = z.object({ id: z.string(), name: z.string(), role: z.string(), disabled: z.boolean(), oidc_issuer: z.string().nullable(), oidc_subject: z.string().nullable() });
const auditRow = z.object({ action: z.string(), actor_name: z.string(), before: z.unknown(), after: z.unknown() });
const apiAuditRow = z.object({ action: z.string(), actorName: z.string(), before: z.unknown(), after: z.unknown() });

let database: pg.Client;

/** The users the provider's test accounts became (sessions go with them); audit events stay, as they must. */
async function removeTestUsers(): Promise<void> {
  await database.query("delete from users where email like $1", [`%${TEST_OIDC_EMAIL_DOMAIN}`]);
}

async function userByEmail(email: string): Promise<z.infer<typeof userRow> | undefined> {
  const result = await database.query("select id, name, role, disabled, oidc_issuer, oidc_subject from users where email = $1", [email]);
  return result.rows[0] === undefined ? undefined : userRow.parse(result.rows[0]);
}

/** Audit events about a user, oldest first, read through the console's own audit API as the signed-in person. */
async function auditThroughApi(page: Page, targetId: string): Promise<Array<z.infer<typeof apiAuditRow>>> {
  const response = await page.request.get(`/api/audit?targetType=user&targetId=${encodeURIComponent(targetId)}`);
  expect(response.status()).toBe(200);
  return z.object({ events: z.array(apiAuditRow) }).parse(await response.json()).events.reverse();
}

/** Refusals happen before anyone is signed in to read the API, so those are read from the database. */
async function auditFor(targetId: string, since: Date): Promise<Array<z.infer<typeof auditRow>>> {
  const result = await database.query(
    "select action, actor_name, before, after from audit_events where target_id = $1 and at >= $2 order by id",
    [targetId, since],
  );
  return z.array(auditRow).parse(result.rows);
}

async function startSingleSignOn(page: Page, path = "/sign-in"): Promise<TestIdpPage> {
  const idp = new TestIdpPage(page);
  await idp.stubWebFonts();
  await page.goto(path);
  await page.getByRole("link", { name: SSO_BUTTON }).click();
  await expect(page).toHaveURL((url) => url.origin === requiredEnv("VIGIL_TEST_OIDC_ISSUER"));
  return idp;
}

/** The navigation names who is signed in and their role: "Dana Oncall · responder". */
async function expectSignedInAs(page: Page, name: string, role: string): Promise<void> {
  await expect(page.getByRole("navigation", { name: "Main" }).getByText(`${name} · ${role}`, { exact: true })).toBeVisible();
}

test.beforeAll(async () => {
  database = new pg.Client({ connectionString: requiredEnv("VIGIL_TEST_DATABASE_URL") });
  await database.connect();
  await removeTestUsers();
});

test.afterAll(async () => {
  await removeTestUsers();
  await database.end();
});

test("a person in the oncall group signs in at the provider and lands on the overview as a responder", async ({ page }) => {
  const idp = await startSingleSignOn(page, "/");
  await idp.signIn("dana");

  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await expectSignedInAs(page, TEST_OIDC_ACCOUNTS.dana.name, "responder");

  const me = await page.request.get("/api/auth/me");
  expect(await me.json()).toMatchObject({ email: TEST_OIDC_ACCOUNTS.dana.email, role: "responder", type: "user", via: "session" });
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "vigil_session")).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // The sign-in's state cookie is spent.
  expect(cookies.find((cookie) => cookie.name === "vigil_oidc")).toBeUndefined();

  const user = await userByEmail(TEST_OIDC_ACCOUNTS.dana.email);
  expect(user).toMatchObject({ name: "Dana Oncall", role: "responder", oidc_issuer: requiredEnv("VIGIL_TEST_OIDC_ISSUER"), oidc_subject: "dana" });
  const events = await auditThroughApi(page, user?.id ?? "");
  expect(events.map((event) => event.action)).toEqual(["user.create", "auth.sign_in"]);
  expect(events[0]?.after).toMatchObject({ email: TEST_OIDC_ACCOUNTS.dana.email, role: "responder", groups: ["staff", "oncall"] });
  expect(events[1]).toMatchObject({ actorName: "Dana Oncall", after: { method: "oidc", groups: ["staff", "oncall"] } });
});

test("a person whose groups map to no role gets the default role, viewer, and goes where they were headed", async ({ page }) => {
  const idp = await startSingleSignOn(page, "/sign-in?next=%2F%3Frefresh%3D10s");
  await idp.signIn("sam");

  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("refresh")).toBe("10s");
  await expectSignedInAs(page, TEST_OIDC_ACCOUNTS.sam.name, "viewer");
  // The provider sends this account's groups as one comma-separated string.
  const user = await userByEmail(TEST_OIDC_ACCOUNTS.sam.email);
  expect(user).toMatchObject({ role: "viewer", oidc_subject: "sam" });
  const events = await auditThroughApi(page, user?.id ?? "");
  expect(events.find((event) => event.action === "auth.sign_in")?.after).toMatchObject({ method: "oidc", groups: ["staff", "contractors"] });
});

test("an existing account with the same email is linked, and its role follows the groups", async ({ page }) => {
  await database.query("insert into users (email, name, role) values ($1, 'Lee (password account)', 'viewer')", [TEST_OIDC_ACCOUNTS.lee.email]);
  const idp = await startSingleSignOn(page);
  await idp.signIn("lee");

  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expectSignedInAs(page, "Lee (password account)", "admin");
  const user = await userByEmail(TEST_OIDC_ACCOUNTS.lee.email);
  expect(user).toMatchObject({ name: "Lee (password account)", role: "admin", oidc_subject: "lee" });
  const events = await auditThroughApi(page, user?.id ?? "");
  expect(events.map((event) => event.action)).toEqual(["user.oidc_link", "user.role_change", "auth.sign_in"]);
  expect(events[1]).toMatchObject({ before: { role: "viewer" }, after: { role: "admin", groups: ["vigil-admins"] } });
});

test("a disabled account is refused, and the refusal is audited", async ({ page }) => {
  const since = new Date(Date.now() - 5_000);
  await database.query("insert into users (email, name, role, disabled) values ($1, 'Dee', 'responder', true)", [TEST_OIDC_ACCOUNTS.dee.email]);
  const idp = await startSingleSignOn(page);
  await idp.signIn("dee");

  await expect(page).toHaveURL(/\/sign-in\?error=disabled$/);
  await expect(page.getByText("This account is disabled. Ask an admin.")).toBeVisible();
  expect((await page.context().cookies()).find((cookie) => cookie.name === "vigil_session")).toBeUndefined();
  const events = await auditFor(TEST_OIDC_ACCOUNTS.dee.email, since);
  expect(events).toEqual([
    expect.objectContaining({ action: "auth.sign_in_failed", after: { method: "oidc", code: "disabled", reason: "account disabled" } }),
  ]);
  expect(await userByEmail(TEST_OIDC_ACCOUNTS.dee.email)).toMatchObject({ disabled: true, oidc_subject: null });
});

test("a provider that shares no email is refused with a message that says so", async ({ page }) => {
  const idp = await startSingleSignOn(page);
  // A login name the provider has no account for: it releases a subject and nothing else.
  await idp.signIn("nobody-known");

  await expect(page).toHaveURL(/\/sign-in\?error=email$/);
  await expect(page.getByText(`${TEST_OIDC_DISPLAY_NAME} did not share your email address, which Vigil needs.`, { exact: false })).toBeVisible();
});

test("cancelling at the provider comes back to sign-in with the provider's reason", async ({ page }) => {
  const idp = await startSingleSignOn(page);
  await idp.cancel();

  await expect(page).toHaveURL(/\/sign-in\?error=denied$/);
  await expect(page.getByText(`${TEST_OIDC_DISPLAY_NAME} did not let you sign in to Vigil: End-User aborted interaction.`)).toBeVisible();
  // The password form is still there to fall back on.
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a tampered state parameter is refused and sends the person back to sign in", async ({ page, baseURL }) => {
  const idp = new TestIdpPage(page);
  await idp.stubWebFonts();
  // Start as the button would, through the context's request API so the state cookie lands in
  // this browser, then change the state the provider will send back.
  const login = await page.request.get("/api/auth/oidc/login?next=/", { maxRedirects: 0 });
  expect(login.status()).toBe(303);
  const authorize = new URL(login.headers().location ?? "");
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("scope")).toBe("openid email profile groups");
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  // Back to the address the browser uses, not the one the server listens on.
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${new URL(baseURL ?? "").origin}/api/auth/oidc/callback`);
  authorize.searchParams.set("state", "forged-state");
  await page.goto(authorize.href);
  await idp.signIn("dana");

  await expect(page).toHaveURL(/\/sign-in\?error=state$/);
  await expect(page.getByText(`The sign-in with ${TEST_OIDC_DISPLAY_NAME} expired or was started in another tab or browser. Start it again.`)).toBeVisible();
  expect((await page.context().cookies()).find((cookie) => cookie.name === "vigil_session")).toBeUndefined();
});

test("a tampered state cookie is refused", async ({ page }) => {
  const idp = await startSingleSignOn(page);
  const context = page.context();
  const state = (await context.cookies()).find((cookie) => cookie.name === "vigil_oidc");
  expect(state).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/auth/oidc" });
  if (!state) return;
  const forged = `${state.value.slice(0, -4)}${state.value.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
  await context.addCookies([{ ...state, value: forged }]);
  await idp.signIn("dana");

  await expect(page).toHaveURL(/\/sign-in\?error=state$/);
  await expect(page.getByText(`The sign-in with ${TEST_OIDC_DISPLAY_NAME} expired`, { exact: false })).toBeVisible();
});

test("a callback with no sign-in in progress is refused, and audited", async ({ request }) => {
  const since = new Date(Date.now() - 5_000);
  const response = await request.get("/api/auth/oidc/callback?code=stolen-code&state=guessed", { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toMatch(/\/sign-in\?error=state$/);
  const result = await database.query(
    "select after from audit_events where action = 'auth.sign_in_failed' and at >= $1 and after->>'method' = 'oidc' and after->>'reason' = $2",
    [since, "sign-in state cookie missing"],
  );
  expect(result.rowCount).toBeGreaterThanOrEqual(1);
});

test("password sign-in keeps working beside single sign-on", async ({ page }) => {
  const form = new SignInPage(page);
  await form.goto();
  await expect(page.getByRole("link", { name: SSO_BUTTON })).toBeVisible();
  await form.signIn(emailOf("viewer"), testPassword());
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expectSignedInAs(page, "Demo Viewer", "viewer");
});
