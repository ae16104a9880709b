import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { eventually } from "@/lib/testing/eventually";
import { highCardinalityExposition, serveExpositions, startPrivatePrometheus, type ExpositionServer, type PrivateServer } from "./private-services";
import { loadCardinality, loadTopMetrics } from "./server";

const SERIES = 100_000;
// Ten targets of 10,000 series: one scrape of all of them can outlast the timeout on a busy machine.
const PARTS = 10;

let exposition: ExpositionServer;
let server: PrivateServer;

beforeAll(async () => {
  const size = SERIES / PARTS;
  const bodies = new Map(Array.from({ length: PARTS }, (_, part) => [`part-${part}`, highCardinalityExposition(size, { offset: part * size })]));
  exposition = await serveExpositions((name) => bodies.get(name));
  server = await startPrivatePrometheus({
    scrapeInterval: "10s",
    scrapeTimeout: "9s",
    targetGroups: [
      {
        job: "big",
        groups: [...bodies.keys()].map((name) => ({ targets: [exposition.address], labels: { __metrics_path__: `/metrics/${name}`, instance: name } })),
      },
    ],
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
      expect(loaded.metrics[0]).toEqual({ name: "vigil_test_requests_total", value: SERIES });
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
    // Every part must have been scraped once for the count to see all the series.
    const top = await eventually(async () => {
      const counted = await loadTopMetrics(30, undefined, prometheus);
      expect(counted.metrics[0]).toEqual({ name: "vigil_test_requests_total", series: SERIES });
      return counted;
    }, 60_000, 2_000);
    expect(top.metrics.length).toBeLessThanOrEqual(10);
  });
});
