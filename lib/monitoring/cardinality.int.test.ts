import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { eventually } from "@/lib/testing/eventually";
import { highCardinalityExposition, serveExpositions, startPrivatePrometheus, type ExpositionServer, type PrivateServer } from "./private-services";
import { loadCardinality, loadTopMetrics } from "./server";

const SERIES = 100_000;

let exposition: ExpositionServer;
let server: PrivateServer;

beforeAll(async () => {
  const body = highCardinalityExposition(SERIES);
  exposition = await serveExpositions((name) => (name === "big" ? body : undefined));
  server = await startPrivatePrometheus({
    scrapeInterval: "15s",
    scrapeTimeout: "10s",
    scrapeJobs: [{ job: "big", targets: [exposition.address], metricsPath: "/metrics/big" }],
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await exposition?.close();
});

describe("the cardinality page's data against a Prometheus with 100,000 series", () => {
  it("finds the metric and the ID-like labels from the TSDB status, handling a server that ignores limit", async () => {
    const prometheus = createPrometheusClient({ baseUrl: server.url, timeoutMs: 30_000 });
    const view = await eventually(async () => {
      const loaded = await loadCardinality(20, undefined, prometheus);
      expect(loaded.headSeries).toBeGreaterThanOrEqual(SERIES);
      return loaded;
    }, 120_000, 2_000);
    expect(view.metrics[0]).toEqual({ name: "vigil_test_requests_total", value: SERIES });
    expect(view.labels[0]?.name).toBe("request_id");
    expect(view.labels.find((entry) => entry.name === "request_id")?.value).toBe(SERIES);
    expect(view.pairs.find((entry) => entry.name === "__name__=vigil_test_requests_total")?.value).toBe(SERIES);
    const warned = view.warnings.map((warning) => warning.label);
    expect(warned).toContain("request_id");
    expect(warned).toContain("user_id");
    expect(warned).not.toContain("route");
    // Prometheus 2.42 answers 10 entries whatever the limit; 2.47+ honours it.
    expect(view.metrics.length).toBeLessThanOrEqual(20);
    expect(typeof view.limitHonoured).toBe("boolean");
  });

  it("runs the seeds' topk full count on demand, within its timeout", async () => {
    const prometheus = createPrometheusClient({ baseUrl: server.url, timeoutMs: 60_000 });
    const top = await loadTopMetrics(30, undefined, prometheus);
    expect(top.metrics[0]).toEqual({ name: "vigil_test_requests_total", series: SERIES });
    expect(top.metrics.length).toBeLessThanOrEqual(10);
  });
});
