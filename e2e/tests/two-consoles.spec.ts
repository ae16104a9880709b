import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { consoleService } from "../../stack/console.ts";
import { freePort } from "../../stack/ports.ts";
import type { Service } from "../../stack/service.ts";
import { expect, test } from "../fixtures/test.ts";

/*
 * Two console instances against one Postgres, as behind a load balancer: a second production
 * console is started beside the test stack's, with the same configuration. Sessions live in
 * Postgres (and cookies ignore ports), so the same signed-in person reaches both. Concurrent
 * acknowledgements and runbook saves through the two settle exactly as through one, and their two
 * maintenance schedulers create a window's silence once.
 */

const root = path.resolve(import.meta.dirname, "..", "..");
const first = () => process.env.VIGIL_TEST_CONSOLE_URL ?? "";
const alertmanagers = () => (process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "").split(",").filter(Boolean);

let second: Service;
let secondUrl: string;
let logDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  logDir = mkdtempSync(path.join(os.tmpdir(), "vigil-second-console-"));
  const port = await freePort();
  // The same host name as the first console, so the session cookie (ports do not scope cookies) reaches both.
  secondUrl = `${new URL(first()).protocol}//${new URL(first()).hostname}:${port}`;
  second = consoleService({
    root,
    port,
    host: "127.0.0.1",
    logFile: path.join(logDir, "console.log"),
    env: {
      PROMETHEUS_URL: process.env.VIGIL_TEST_PROMETHEUS_URL ?? "",
      ALERTMANAGER_URLS: process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "",
      DATABASE_URL: process.env.VIGIL_TEST_DATABASE_URL ?? "",
    },
  });
  await second.start();
});

test.afterAll(async () => {
  await second?.stop();
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

/** A write to one console, with that console's own origin (the cross-site check compares them). */
function write(request: APIRequestContext, base: string, method: "post" | "patch", route: string, data: unknown) {
  return request[method](`${base}${route}`, { headers: { origin: base }, data, failOnStatusCode: false });
}

test.describe("two consoles, one Postgres", () => {
  test.use({ signedInAs: "admin" });

  test("the same person is signed in on both", async ({ request }) => {
    const [one, two] = await Promise.all([request.get(`${first()}/api/auth/me`), request.get(`${secondUrl}/api/auth/me`)]);
    expect(one.status()).toBe(200);
    expect(await two.json()).toEqual(await one.json());
  });

  test("acknowledging one alert through both at once: exactly one wins, the other is told who was first", async ({ request }) => {
    const labels = { alertname: `TwoConsoles${Date.now()}`, severity: "warning", service: "e2e" };
    const body = JSON.stringify([{ labels, startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 600_000).toISOString() }]);
    for (const url of alertmanagers()) await fetch(`${url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body });
    try {
      const find = async (base: string) => {
        const { alerts } = await (await request.get(`${base}/api/alerts`)).json();
        return alerts.find((candidate: { labels: Record<string, string> }) => candidate.labels.alertname === labels.alertname);
      };
      await expect.poll(async () => Boolean((await find(first())) && (await find(secondUrl)))).toBe(true);
      const alert = await find(first());
      const data = { alerts: [{ fingerprint: alert.fingerprint, startsAt: alert.startsAt }], note: "from both consoles" };
      const answers = await Promise.all([
        write(request, first(), "post", "/api/acknowledgements", data),
        write(request, secondUrl, "post", "/api/acknowledgements", data),
      ]);
      expect(answers.map((answer) => answer.status()).sort()).toEqual([200, 409]);
      const refused = answers.find((answer) => answer.status() === 409);
      expect((await refused?.json()).error).toMatch(/^Already acknowledged by /);
      // Both consoles now show the one acknowledgement.
      for (const base of [first(), secondUrl]) {
        const { alerts } = await (await request.get(`${base}/api/alerts`)).json();
        const seen = alerts.find((candidate: { fingerprint: string }) => candidate.fingerprint === alert.fingerprint);
        expect(seen.acknowledgement, base).toMatchObject({ note: "from both consoles" });
      }
    } finally {
      const resolved = JSON.stringify([{ labels, endsAt: new Date().toISOString() }]);
      for (const url of alertmanagers()) await fetch(`${url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: resolved });
    }
  });

  test("saving one runbook version through both at once: one save, one 409, one new revision", async ({ request }) => {
    const slug = `two-consoles-${Date.now()}`;
    const created = await write(request, first(), "post", "/api/runbooks", { slug, title: "Two consoles", body: "## Meaning\nStart.\n" });
    expect(created.status()).toBe(201);
    const save = (base: string, line: string) =>
      write(request, base, "patch", `/api/runbooks/${slug}`, { version: 1, title: "Two consoles", body: `## Meaning\n${line}\n`, tags: [], team: null, alertNames: [], labelMatchers: [] });
    const answers = await Promise.all([save(first(), "From the first."), save(secondUrl, "From the second.")]);
    expect(answers.map((answer) => answer.status()).sort()).toEqual([200, 409]);
    const { revisions } = await (await request.get(`${secondUrl}/api/runbooks/${slug}/revisions`)).json();
    expect(revisions.map((revision: { version: number }) => revision.version)).toEqual([2, 1]);
    await request.delete(`${first()}/api/runbooks/${slug}`, { headers: { origin: first() }, data: { version: 2 } });
  });

  test("both schedulers running: a maintenance window's occurrence gets one silence", async ({ request }) => {
    test.setTimeout(120_000);
    const value = `TwoConsolesWindow${Date.now()}`;
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    const time = `${String(start.getUTCHours()).padStart(2, "0")}:${String(start.getUTCMinutes()).padStart(2, "0")}`;
    const created = await write(request, secondUrl, "post", "/api/maintenance-windows", {
      name: value,
      schedule: { kind: "weekly", days: [start.getUTCDay()], time },
      durationMinutes: 60,
      timezone: "UTC",
      matchers: [{ name: "maintenance", operator: "=", value }],
      comment: "two consoles, one silence",
      enabled: true,
    });
    expect(created.status(), await created.text()).toBe(201);
    const windowId = (await created.json()).window.id;
    try {
      // Each console ticks every 30 s; after 35 s both have had their chance at this occurrence.
      await new Promise((resolve) => setTimeout(resolve, 35_000));
      const matching = async () => {
        const silences = (await (await fetch(`${alertmanagers()[0]}/api/v2/silences`)).json()) as Array<{ matchers: Array<{ value: string }>; status: { state: string } }>;
        return silences.filter((silence) => silence.status.state === "active" && silence.matchers.some((matcher) => matcher.value === value));
      };
      await expect.poll(async () => (await matching()).length, { timeout: 30_000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(await matching()).toHaveLength(1);
    } finally {
      await request.delete(`${first()}/api/maintenance-windows/${windowId}`, { headers: { origin: first() } });
    }
  });
});
