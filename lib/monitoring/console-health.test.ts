import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { bucketQuantile, summarizeConsoleMetrics } from "./console-health";

describe("summarizeConsoleMetrics", () => {
  it("reads a prom-client registry shaped like lib/metrics.ts", async () => {
    const registry = new Registry();
    const http = new Histogram({
      name: "vigil_http_request_duration_seconds",
      help: "h",
      labelNames: ["route", "method", "status"],
      buckets: [0.1, 1],
      registers: [registry],
    });
    const upstream = new Histogram({
      name: "vigil_upstream_request_duration_seconds",
      help: "h",
      labelNames: ["upstream", "instance", "endpoint", "outcome"],
      buckets: [0.1, 1],
      registers: [registry],
    });
    const errors = new Counter({ name: "vigil_upstream_errors_total", help: "h", labelNames: ["upstream", "instance", "endpoint", "kind"], registers: [registry] });
    http.labels("/api/alerts", "GET", "200").observe(0.05);
    http.labels("/api/alerts", "GET", "503").observe(0.5);
    http.labels("/api/alerts", "GET", "400").observe(0.05);
    http.labels("/api/audit", "GET", "200").observe(0.05);
    upstream.labels("prometheus", "http://p", "/api/v1/query", "ok").observe(0.05);
    upstream.labels("prometheus", "http://p", "/api/v1/query", "error").observe(2);
    errors.labels("prometheus", "http://p", "/api/v1/query", "timeout").inc();
    errors.labels("alertmanager", "http://a", "/api/v2/alerts", "unreachable").inc(3);

    const health = summarizeConsoleMetrics(await registry.getMetricsAsJSON());
    expect(health.routes[0]).toMatchObject({ route: "/api/alerts", method: "GET", requests: 3, errors: 1, refused: 1 });
    expect(health.routes[0]?.meanSeconds).toBeCloseTo(0.2);
    expect(health.routes[1]).toMatchObject({ route: "/api/audit", requests: 1, errors: 0 });
    expect(health.upstreams.map((stats) => [stats.upstream, stats.requests, stats.errors])).toEqual([
      ["alertmanager", 0, 3],
      ["prometheus", 2, 1],
    ]);
    expect(health.upstreams[1]?.errorsByKind).toEqual({ timeout: 1 });
  });
});

describe("bucketQuantile", () => {
  it("interpolates within the bucket like histogram_quantile", () => {
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 1, count: 100 },
      { le: Number.POSITIVE_INFINITY, count: 100 },
    ];
    expect(bucketQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(bucketQuantile(0.95, buckets)).toBeCloseTo(0.91);
    expect(bucketQuantile(0.5, [])).toBeNull();
    expect(bucketQuantile(0.99, [{ le: 1, count: 1 }, { le: Number.POSITIVE_INFINITY, count: 10 }])).toBe(1);
  });
});
