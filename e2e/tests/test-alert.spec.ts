import { expect, test } from "../fixtures/test.ts";

const origin = () => process.env.VIGIL_TEST_CONSOLE_URL ?? "";

test.describe("a viewer", () => {
  test.use({ signedInAs: "viewer" });

  test("cannot reach a responder action: sending a test alert is refused and says who may", async ({ request }) => {
    const response = await request.post("/api/alerts/test", {
      headers: { origin: origin() },
      data: { labels: { alertname: "ViewerMayNotSend" } },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error).toMatch(/Your role \(viewer\) cannot POST \/api\/alerts\/test\. It needs responder or higher/);
    const alerts = await (await request.get("/api/alerts")).json();
    expect(JSON.stringify(alerts)).not.toContain("ViewerMayNotSend");
  });
});

test.describe("a responder", () => {
  test.use({ signedInAs: "responder" });

  test("sends a test alert to every Alertmanager, sees it, resolves it, and both are audited", async ({ request }) => {
    const alertname = `VigilTestAlert${Date.now()}`;
    const sent = await request.post("/api/alerts/test", {
      headers: { origin: origin() },
      data: { labels: { alertname, severity: "info", team: "ml-platform" }, durationMinutes: 10 },
    });
    expect(sent.status()).toBe(200);
    const result = await sent.json();
    expect(result.labels).toEqual({ alertname, severity: "info", team: "ml-platform", vigil_test: "true" });
    expect(result.instances).toHaveLength(2);
    expect(result.instances.every((instance: { ok: boolean }) => instance.ok)).toBe(true);

    await expect
      .poll(async () => {
        const { alerts } = await (await request.get("/api/alerts")).json();
        const alert = alerts.find((candidate: { labels: Record<string, string> }) => candidate.labels.alertname === alertname);
        return alert ? alert.instances.length : 0;
      })
      .toBe(2);

    const resolved = await request.post("/api/alerts/test", {
      headers: { origin: origin() },
      data: { labels: { alertname, severity: "info", team: "ml-platform" }, resolve: true },
    });
    expect(resolved.status()).toBe(200);
    await expect
      .poll(async () => {
        const { alerts } = await (await request.get("/api/alerts")).json();
        return alerts.some((candidate: { labels: Record<string, string> }) => candidate.labels.alertname === alertname);
      })
      .toBe(false);

    const audit = await (await request.get("/api/audit", { params: { action: "alert.", targetId: alertname } })).json();
    const actions = JSON.stringify(audit);
    expect(actions).toContain("alert.test_send");
    expect(actions).toContain("alert.test_resolve");
    expect(actions).toContain("Demo Responder");
  });

  test("a malformed test alert gets a 400 naming the field, before Alertmanager is asked", async ({ request }) => {
    const response = await request.post("/api/alerts/test", {
      headers: { origin: origin() },
      data: { labels: { "bad label": "x" } },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.issues.length).toBeGreaterThan(0);
    expect(body.error).toMatch(/Label names|alertname/);
  });
});
