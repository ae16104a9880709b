import type { APIResponse, Page } from "@playwright/test";
import { emailOf, expect, test, testPassword } from "../fixtures/test.ts";

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

// Tests run signed in (the fixtures' default) unless a block says otherwise: a forged request
// rides on a real session, and the overview needs one.
test.describe("security headers", () => {
  test("every page and API response carries them", async ({ request }) => {
    for (const path of ["/", "/sign-in", "/no-such-page", "/api/health", "/api/alerts", "/api/prometheus/targets", "/metrics", "/icon.svg"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expectSecurityHeaders(response.headers(), `GET ${path} (${response.status()})`);
    }
  });

  test("each response gets its own nonce, and every script on the page carries it", async ({ request }) => {
    // The not-found page used to be prerendered: a page built ahead of time has no nonce to give.
    for (const path of ["/", "/no-such-page"]) {
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

test.describe("content security policy on the overview", () => {
  test("the chart and panels render with nothing blocked", async ({ page, overview }) => {
    const violations = await recordViolations(page);
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
    // zod 4 probes `new Function` on its first parse unless z.config({ jitless: true }) ran in the browser first.
    expect(await violations(), "CSP violations on the overview").toEqual([]);
  });
});

test.describe("content security policy against injection and framing", () => {
  test.use({ signedInAs: null });

  test("scripts injected into a page do not run, and neither does eval", async ({ page, baseURL }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "Content Security Policy directive" });
    const violations = await recordViolations(page);
    // Markup injected into the console's real response, its real headers kept: what an XSS hole would do.
    await page.route(`${originOf(baseURL)}/sign-in`, async (route) => {
      const response = await route.fetch();
      const nonce = nonceOf(response.headers()["content-security-policy"]);
      const injected = [
        "<script>window.__inline = true</script>",
        `<script src="${EVIL}/steal.js"></script>`,
        `<script nonce="${nonce}">try { eval("1"); window.__eval = "ran" } catch (error) { window.__eval = error.name }</script>`,
      ].join("");
      await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
    });
    await page.route(`${EVIL}/**`, (route) => route.fulfill({ contentType: "text/javascript", body: "window.__external = true" }));

    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    const ran = await page.evaluate(() => ["__inline", "__external", "__eval"].map((name) => Reflect.get(window, name)));
    expect(ran).toEqual([undefined, undefined, "EvalError"]);
    await expect.poll(violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src-elem inline/), expect.stringMatching(/^script-src-elem http:\/\/evil\.example/), "script-src eval"]),
    );
  });

  test("no page can frame the console, not even its own", async ({ page }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "frame-ancestors" });
    // A cross-site framing page would be stopped by Chromium's private network rules before the
    // policy is consulted, so this frames the console from its own origin, which 'none' also forbids.
    await page.goto("/sign-in");
    const refused = page.waitForEvent("console", (message) => message.text().includes(`"frame-ancestors 'none'"`));
    await page.evaluate(() => {
      const frame = document.createElement("iframe");
      frame.title = "framed console";
      frame.src = "/sign-in";
      document.body.append(frame);
    });
    await refused;
    await expect.poll(() => page.frames().map((frame) => frame.url())).toContain("chrome-error://chromewebdata/");
    await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  });
});

test.describe("cross-site request forgery against the API", () => {
  test("a cross-origin state-changing request is refused with a message naming both origins", async ({ request, baseURL }) => {
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
    // No POST handler yet (405), or later an auth answer: either way the CSRF check let it through.
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
});

test.describe("cross-site request forgery in the browser", () => {
  // Signs in on its own: signing out must not end the session the other tests share.
  test.use({ signedInAs: null });

  test("a form on another site cannot sign a person out, and the console's own form can", async ({ page, signInPage, baseURL }, testInfo) => {
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 403" });
    // The overview's live panels may have requests in flight when the session ends: those are refused.
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 401" });
    await signInPage.goto();
    await signInPage.signIn(emailOf("viewer"), testPassword());
    await expect(page).not.toHaveURL(/\/sign-in/);

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
