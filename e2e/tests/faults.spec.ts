import type { APIRequestContext } from "@playwright/test";
import { NAV_ITEMS } from "../../components/nav/nav-items.ts";
import { ROUTE_POLICY } from "../../lib/auth/route-policy.ts";
import { controlService, expect, test } from "../fixtures/test.ts";

/*
 * Faults: each dependency stopped and started again while the console runs. Every page and
 * every API answers with a clear message while it is down (never a blank page, a crash or a bare
 * 500), the console recovers by itself, and nothing a user was told was saved goes missing.
 */

const DEPENDENCIES = [
  { name: "Prometheus", services: ["prometheus"] },
  { name: "every Alertmanager", services: ["alertmanager-0", "alertmanager-1"] },
  { name: "Postgres", services: ["postgres"] },
] as const;

// GET routes without path parameters; sign-in redirects and exports are checked elsewhere.
const GET_ROUTES = Object.entries(ROUTE_POLICY)
  .filter(([route, methods]) => methods.GET && !route.includes("[") && !route.startsWith("/api/auth/oidc"))
  .map(([route]) => route);

async function healthy(request: APIRequestContext): Promise<void> {
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 60_000 }).toBe(200);
}

for (const dependency of DEPENDENCIES) {
  test(`with ${dependency.name} down, every page and API says so clearly, and all recover without a restart`, async ({ page, request }) => {
    test.setTimeout(240_000);
    test.info().annotations.push({ type: "expected-console-error", description: "Failed to load resource" });
    for (const service of dependency.services) await controlService(service, "stop");
    try {
      for (const item of NAV_ITEMS) {
        // A blank page between visits: a client-side redirect or refetch of the previous page must not abort this navigation.
        await page.goto("about:blank");
        const response = await page.goto(item.href);
        expect(response?.status(), item.href).toBeLessThan(500);
        await expect(page.getByText("This page failed to render"), item.href).toHaveCount(0);
        if (dependency.name === "Postgres") {
          await expect(page.getByRole("heading", { name: "Vigil cannot reach its database" }), item.href).toBeVisible();
          await expect(page.getByRole("alert").filter({ hasText: "cannot reach its database" }), item.href).toContainText(/Postgres at 127\.0\.0\.1:\d+/);
        } else {
          await expect(page.getByRole("navigation").first(), item.href).toBeVisible();
          // Every panel settles into data or a message; none stays a skeleton or goes blank.
          await expect(page.getByRole("status", { name: /loading/i }), item.href).toHaveCount(0, { timeout: 30_000 });
          expect((await page.getByRole("main").innerText()).trim().length, item.href).toBeGreaterThan(20);
        }
      }
      for (const route of GET_ROUTES) {
        const response = await request.get(route, { maxRedirects: 0 });
        expect(response.status(), route).not.toBe(500);
        if (route === "/api/health") {
          // The health report names what is down instead of an error message.
          expect(response.status(), route).toBe(503);
          expect((await response.json()).down.length, route).toBeGreaterThan(0);
        } else if (response.status() >= 400) {
          const body = await response.json();
          expect(typeof body.error, route).toBe("string");
          expect(body.error.length, route).toBeGreaterThan(10);
        }
      }
    } finally {
      for (const service of dependency.services) await controlService(service, "start");
    }
    await healthy(request);
    for (const item of NAV_ITEMS) {
      // As above: the previous page's own client-side navigation must not abort this one.
      await page.goto("about:blank");
      const response = await page.goto(item.href);
      expect(response?.status(), item.href).toBe(200);
      await expect(page.getByRole("heading", { name: "Vigil cannot reach its database" })).toHaveCount(0);
    }
  });
}

test("every write confirmed while Postgres stops and starts is there afterwards, with its audit event", async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const confirmed: string[] = [];
  const refused: number[] = [];
  let writing = true;
  const writer = (async () => {
    for (let index = 0; writing; index += 1) {
      const response = await request.post("/api/tokens", {
        headers: { origin: baseURL ?? "" },
        data: { name: `faults-${Date.now()}-${index}`, role: "viewer", expiresInDays: 1 },
        failOnStatusCode: false,
      });
      if (response.status() === 201) confirmed.push((await response.json()).token.id);
      else {
        refused.push(response.status());
        // An outage is answered clearly, never with a bare 500.
        expect(response.status()).toBe(503);
        expect((await response.json()).upstream).toBe("postgres");
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await controlService("postgres", "stop");
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await controlService("postgres", "start");
  await healthy(request);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  writing = false;
  await writer;

  expect(confirmed.length).toBeGreaterThan(5);
  expect(refused.length).toBeGreaterThan(0);
  const listed = new Set(((await (await request.get("/api/tokens")).json()).tokens as Array<{ id: string }>).map((token) => token.id));
  expect(confirmed.filter((id) => !listed.has(id))).toEqual([]);
  for (const id of confirmed) {
    const audit = await (await request.get("/api/audit", { params: { targetType: "token", targetId: id } })).json();
    expect(audit.events.map((event: { action: string }) => event.action), id).toContain("token.create");
  }
  // Clean up: revoke what this test created.
  for (const id of confirmed) await request.delete(`/api/tokens/${id}`, { headers: { origin: baseURL ?? "" } });
});
