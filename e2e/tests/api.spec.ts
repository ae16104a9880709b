import { controlService, expect, test } from "../fixtures/test.ts";

test.describe("console API", () => {
  test("health answers 200 with every dependency", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.down).toEqual([]);
    expect(body.prometheus).toMatchObject({ ok: true, ready: true, version: expect.stringMatching(/^\d+\.\d+/) });
    expect(body.alertmanagers).toHaveLength(2);
    for (const instance of body.alertmanagers) {
      expect(instance).toMatchObject({ ok: true, cluster: { status: "ready" } });
      expect(instance.cluster.peers).toHaveLength(2);
    }
    expect(body.postgres).toMatchObject({ ok: true, version: expect.stringContaining("PostgreSQL") });
    // The test stack's second source, VictoriaMetrics, is checked as well.
    expect(body.sources).toEqual([expect.objectContaining({ name: "vm", ok: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) })]);
    expect(JSON.stringify(body)).not.toMatch(/password|:\/\/[^/]*:[^@/]*@/);
  });

  test("health names a second Prometheus source that is down, and the overview says so", async ({ request, page }, testInfo) => {
    // Chromium logs the health check's 503 as a console error.
    testInfo.annotations.push({ type: "expected-console-error", description: "status of 503" });
    await controlService("victoria-metrics", "stop");
    try {
      const response = await request.get("/api/health");
      expect(response.status()).toBe(503);
      const body = await response.json();
      expect(body.down).toEqual(["prometheus source vm"]);
      expect(body.prometheus.ok).toBe(true);
      expect(body.sources).toEqual([expect.objectContaining({ name: "vm", ok: false, error: expect.any(String) })]);
      await page.goto("/?refresh=off");
      const panel = page.getByRole("region", { name: "Upstream health" });
      await expect(panel).toContainText("Down: prometheus source vm");
      await expect(panel).toContainText("Prometheus source vm");
    } finally {
      await controlService("victoria-metrics", "start");
    }
    await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  });

  test("health answers 503 naming Alertmanager when one peer is down, and the alerts keep coming from the other", async ({
    request,
  }) => {
    await controlService("alertmanager-1", "stop");
    try {
      const response = await request.get("/api/health");
      expect(response.status()).toBe(503);
      const body = await response.json();
      expect(body.down).toEqual([expect.stringMatching(/^alertmanager http:\/\/127\.0\.0\.1:\d+$/)]);
      // Concurrent readers share one Alertmanager read for up to 2 s, so the outage shows on the next read.
      await expect
        .poll(async () => {
          const alerts = await request.get("/api/alerts");
          expect(alerts.status()).toBe(200);
          const overview = await alerts.json();
          return overview.instances.filter((instance: { ok: boolean }) => !instance.ok).length;
        }, { timeout: 15_000 })
        .toBe(1);
    } finally {
      await controlService("alertmanager-1", "start");
    }
    await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  });

  test("/favicon.ico answers with the app's icon, not a 404", async ({ request }) => {
    const response = await request.get("/favicon.ico");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  });

  test("probes: liveness ignores upstreams, readiness follows Postgres only, a bad probe is a 400", async ({ request }) => {
    expect((await request.get("/api/health", { params: { probe: "sometimes" } })).status()).toBe(400);
    await controlService("prometheus", "stop");
    try {
      expect((await request.get("/api/health")).status()).toBe(503);
      const live = await request.get("/api/health", { params: { probe: "live" } });
      expect(live.status()).toBe(200);
      const ready = await request.get("/api/health", { params: { probe: "ready" } });
      expect(ready.status()).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ok", probe: "ready", down: [] });
    } finally {
      await controlService("prometheus", "start");
    }
    await controlService("postgres", "stop");
    try {
      const ready = await request.get("/api/health", { params: { probe: "ready" } });
      expect(ready.status()).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "degraded", down: ["postgres"] });
      expect((await request.get("/api/health", { params: { probe: "live" } })).status()).toBe(200);
      // Any route that needs Postgres says so, instead of a bare 500.
      const audit = await request.get("/api/audit");
      expect(audit.status()).toBe(503);
      expect(await audit.json()).toMatchObject({ upstream: "postgres", error: expect.stringMatching(/^Postgres at 127\.0\.0\.1:\d+ /) });
    } finally {
      await controlService("postgres", "start");
    }
    await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 30_000 }).toBe(200);
  });

  test("a range query passes Prometheus's data and warnings through", async ({ request }) => {
    const end = Math.floor(Date.now() / 1000);
    const response = await request.get("/api/prometheus/query_range", {
      params: { query: 'sum by (job) (up{job="inferno"})', start: String(end - 60), end: String(end), step: "5s" },
    });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("success");
    expect(body.data.resultType).toBe("matrix");
    expect(body.data.result[0].metric).toEqual({ job: "inferno" });
    expect(Array.isArray(body.warnings)).toBe(true);
  });

  test("bad input gets a 400 naming the parameter, before Prometheus is asked", async ({ request }) => {
    const missing = await request.get("/api/prometheus/query");
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error).toContain("query");

    const tooFine = await request.get("/api/prometheus/query_range", {
      params: { query: "up", start: "0", end: "864000", step: "1s" },
    });
    expect(tooFine.status()).toBe(400);
    expect((await tooFine.json()).error).toMatch(/step: .*at least 79s/);

    const badTime = await request.get("/api/prometheus/query", { params: { query: "up", time: "yesterday" } });
    expect(badTime.status()).toBe(400);
    expect((await badTime.json()).error).toContain("time");
  });

  test("Prometheus's own parse error reaches the user as a 400 with its message", async ({ request }) => {
    const response = await request.get("/api/prometheus/query", { params: { query: "sum(rate(up[5m]" } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ upstream: "prometheus", errorType: "bad_data" });
    expect(body.error).toContain("parse error");
  });

  test("/metrics exposes request and upstream metrics by route and upstream", async ({ request }) => {
    await request.get("/api/prometheus/targets");
    await request.get("/api/alerts");
    const text = await (await request.get("/metrics")).text();
    expect(text).toMatch(/vigil_http_request_duration_seconds_count\{route="\/api\/prometheus\/targets",method="GET",status="200"\} \d+/);
    expect(text).toMatch(/vigil_upstream_request_duration_seconds_count\{upstream="prometheus",[^}]*endpoint="\/api\/v1\/targets"[^}]*\} \d+/);
    expect(text).toMatch(/vigil_upstream_request_duration_seconds_count\{upstream="alertmanager",[^}]*\} \d+/);
    expect(text).toContain("process_resident_memory_bytes");
  });
});
