import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "../fixtures/test.ts";

const CSRF_REFUSAL = "Cross-site request refused";
const EVIL = "http://evil.example";

/** The console's origin as a browser writes it in an Origin header. */
function originOf(baseURL: string | undefined): string {
  if (!baseURL) throw new Error("baseURL is not set");
  return new URL(baseURL).origin;
}

/** The nonce in a Content-Security-Policy header's script-src. */
function nonceOf(policy: string | undefined): string {
  const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(policy ?? "")?.[1];
  if (!nonce) throw new Error(`no nonce in the policy: ${policy}`);
  return nonce;
}

/** The CSRF check's message when this response is its refusal; auth failures and 405s are not. */
async function csrfRefusal(response: APIResponse): Promise<string | undefined> {
  const text = await response.text();
  return text.includes(CSRF_REFUSAL) ? text : undefined;
}

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, `${what}: policy`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'(;|$)/);
  expect(policy, `${what}: policy`).toContain("frame-ancestors 'none'");
  expect(policy, `${what}: policy`).toContain("object-src 'none'");
  expect(policy, `${what}: policy`).toContain("base-uri 'self'");
  expect(policy, `${what}: policy`).toContain("form-action 'self'");
  expect(policy, `${what}: policy`).toContain("connect-src 'self'");
  expect(policy, `${what}: production policy`).not.toContain("unsafe-eval");
  expect(headers, what).toMatchObject({
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": expect.stringContaining("camera=()"),
  });
  // The test stack serves plain http.
  expect(headers, what).not.toHaveProperty("strict-transport-security");
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () =>
    page.evaluate((): string[] => {
      const seen: unknown = Reflect.get(window, "__cspViolations");
      return Array.isArray(seen) ? seen.map(String) : [];
    });
}

// TODO(auth): use the sign-in fixture once e2e/fixtures/test.ts has one.
async function signIn(page: Page, next = "/"): Promise<void> {
  const password = process.env.VIGIL_TEST_PASSWORD;
  if (!password) throw new Error("VIGIL_TEST_PASSWORD is not set: run the e2e suite through `npm test` or `npx playwright test`");
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill("viewer@vigil.local");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test.describe("security headers", () => {
  test("every page and API response carries them", async ({ request }) => {
    for (const path of ["/", "/sign-in", "/no-such-page", "/api/health", "/api/alerts", "/api/prometheus/targets", "/metrics", "/icon.svg"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expectSecurityHeaders(response.headers(), `GET ${path} (${response.status()})`);
    }
  });

  test("each response gets its own nonce, and every script on the page carries it", async ({ request }) => {
    // The not-found page was prerendered before: a page built ahead of time has no nonce to give.
    for (const path of ["/sign-in", "/no-such-page"]) {
      const nonces = [];
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const response = await request.get(path);
        const nonce = nonceOf(response.headers()["content-security-policy"]);
        const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
        expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, `${path}: script tag`).toContain(`nonce="${nonce}"`);
        nonces.push(nonce);
      }
      expect(nonces[0], path).not.toBe(nonces[1]);
    }
  });
});

test.describe("content security policy in the browser", () => {
  test("the overview renders its chart and panels with nothing blocked", async ({ page, overview }) => {
    const violations = await recordViolations(page);
    await signIn(page, "/?refresh=5s");
    await overview.goto();

    // Client-rendered from live data: hydration, the chunks and the API calls all ran.
    await expect(overview.trafficChart).toBeVisible();
    await expect(overview.traffic.locator("path.recharts-curve").first()).toBeVisible();
    await expect(overview.traffic.getByText("inferno", { exact: true })).toBeVisible();
    await expect(overview.health.getByText("Every dependency answers")).toBeVisible();
    await expect(overview.targets.getByRole("button", { name: /inferno/ })).toBeVisible();
    await expect(overview.alerts).toBeVisible();

    // After a refresh cycle, still nothing blocked (the consoleErrors fixture checks the console too).
    await page.waitForResponse((response) => response.url().includes("/api/prometheus/query_range"));
    expect(await violations()).toEqual([]);
  });

  test("an injected inline script and eval do not run", async ({ page }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "Content Security Policy" });
    const violations = await recordViolations(page);
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

    const outcome = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      let evaluated: string;
      try {
        evaluated = String(new Function("return 'ran'")());
      } catch (error) {
        evaluated = error instanceof Error ? error.name : String(error);
      }
      return { injected: Reflect.get(window, "__injected") === true, evaluated };
    });
    expect(outcome).toEqual({ injected: false, evaluated: "EvalError" });
    await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/)]));
  });

  test("another site cannot frame the console", async ({ page, baseURL }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "frame-ancestors" });
    await page.route(`${EVIL}/**`, (route) =>
      route.fulfill({ contentType: "text/html", body: `<h1>Win a GPU</h1><iframe title="console" src="${originOf(baseURL)}/sign-in"></iframe>` }),
    );
    const refused = page.waitForEvent("console", (message) => message.text().includes("frame-ancestors"));
    await page.goto(`${EVIL}/`);
    await refused;
    await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });
});

test.describe("cross-site request forgery", () => {
  test("a cross-origin state-changing API request is refused with a message naming both origins", async ({ request, baseURL }) => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = await request.fetch("/api/alerts", { method, headers: { origin: "https://evil.example" } });
      expect(response.status(), method).toBe(403);
      const body = await response.json();
      expect(body.error, method).toContain(`${CSRF_REFUSAL}: Origin https://evil.example does not match ${originOf(baseURL)}`);
      expectSecurityHeaders(response.headers(), `${method} refusal`);
    }
  });

  test("a same-origin request is not refused by the CSRF check", async ({ request, baseURL }) => {
    const response = await request.post("/api/alerts", { headers: { origin: originOf(baseURL) } });
    // No POST handler (405) or not signed in (401): either way the CSRF check let it through.
    expect(await csrfRefusal(response)).toBeUndefined();
    expect(response.status()).not.toBe(403);
  });

  test("without an Origin header, Sec-Fetch-Site decides, and a request with neither is refused", async ({ request }) => {
    const crossSite = await request.post("/api/alerts", { headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error).toContain("Sec-Fetch-Site: cross-site");

    const sameOrigin = await request.post("/api/alerts", { headers: { "sec-fetch-site": "same-origin" } });
    expect(await csrfRefusal(sameOrigin)).toBeUndefined();

    const neither = await request.delete("/api/alerts");
    expect(neither.status()).toBe(403);
    expect((await neither.json()).error).toContain('"Authorization: Bearer <API token>"');
  });

  test("a script with a bearer token is left to token authentication, and reads are not checked", async ({ request }) => {
    const withToken = await request.post("/api/alerts", {
      headers: { origin: "https://ci.example", authorization: "Bearer not-a-real-token" },
    });
    expect(await csrfRefusal(withToken)).toBeUndefined();

    const read = await request.get("/api/health", { headers: { origin: "https://evil.example" } });
    expect(await csrfRefusal(read)).toBeUndefined();
  });

  test("a form on another site cannot sign a person out, and the console's own form can", async ({ page, baseURL }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 403" });
    await signIn(page);
    const consoleOrigin = originOf(baseURL);
    await page.route(`${EVIL}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${consoleOrigin}/api/auth/sign-out"><button>Claim your prize</button></form>`,
      }),
    );
    await page.goto(`${EVIL}/`);
    const [forged] = await Promise.all([
      page.waitForResponse((response) => response.url() === `${consoleOrigin}/api/auth/sign-out`),
      page.getByRole("button", { name: "Claim your prize" }).click(),
    ]);
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error).toContain(`${CSRF_REFUSAL}: Origin ${EVIL} does not match ${consoleOrigin}`);

    // Still signed in; the console's own sign-out form (a same-origin POST) works.
    await page.goto(`${consoleOrigin}/`);
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
