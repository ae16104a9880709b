import { emailOf, expect, test, testPassword } from "../fixtures/test.ts";

test.describe("signed out", () => {
  test.use({ signedInAs: null });

  test("a page sends an anonymous visitor to sign in, and the API answers 401", async ({ page, request }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    const alerts = await request.get("/api/alerts");
    expect(alerts.status()).toBe(401);
    expect((await alerts.json()).error).toBe("Sign in to use the console.");

    // Probes still get the verdict, without URLs or versions.
    const health = await request.get("/api/health");
    expect(Object.keys(await health.json()).sort()).toEqual(["checkedAt", "down", "status"]);
  });

  test("a wrong password is refused without saying whether the account exists", async ({ signInPage, page }) => {
    await signInPage.goto();
    await signInPage.failSignIn(emailOf("viewer"), "not the password");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await signInPage.failSignIn("nobody@vigil.local", "not the password");
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("nobody@vigil.local");
  });

  test("bad input gets field errors before anything is checked", async ({ signInPage, page }) => {
    await signInPage.goto();
    await signInPage.failSignIn("not-an-email", "");
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("a viewer signs in, sees the overview with their role, and signs out", async ({ signInPage, page, request }, testInfo) => {
    // Panels refreshing while the sign-out completes get 401s, which Chromium logs.
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 401" });
    await signInPage.goto();
    await signInPage.signIn(emailOf("viewer"), testPassword());
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByText("Demo Viewer")).toBeVisible();
    await expect(nav.getByText("viewer", { exact: false })).toBeVisible();

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === "vigil_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

    await nav.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
    // The old cookie no longer works even if replayed.
    const replay = await request.get("/api/auth/me", { headers: { cookie: `vigil_session=${session?.value}` } });
    expect(replay.status()).toBe(401);
  });

  test("repeated failures for one account are slowed down", async ({ signInPage, page }) => {
    const email = `locked-${Date.now()}@vigil.local`;
    await signInPage.goto();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signInPage.failSignIn(email, `wrong-${attempt}`);
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
    }
    await signInPage.failSignIn(email, "wrong-again");
    await expect(page.getByText(/Too many failed sign-ins for this account/)).toBeVisible();
  });
});

test.describe("signed in", () => {
  test.use({ signedInAs: "viewer" });

  test("the API knows who is calling", async ({ request }) => {
    const me = await request.get("/api/auth/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: emailOf("viewer"), role: "viewer", type: "user", via: "session" });
  });
});
