import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/errors";
import { closedPort, fakeFetch, fixtureServer, neverAnsweringFetch } from "@/lib/http/fake-fetch";
import { consoleMetrics } from "@/lib/metrics";
import { createPrometheusClient, MAX_GET_PARAMS_LENGTH } from "./client";
import { vectorToSeries } from "./parse-sample-values";

const BASE = "http://prometheus.test:9090";
const fixtures = fixtureServer(new URL("./fixtures/", import.meta.url));

/** A client whose fetch answers every request with one recorded fixture. */
function clientServing(name: string) {
  const fake = fakeFetch(() => fixtures.response(name));
  return { client: createPrometheusClient({ baseUrl: BASE, timeoutMs: 1000, fetch: fake.fetch }), requests: fake.requests };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function upstreamFailure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await failure(promise);
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

function hasLabels(actual: Partial<Record<string, string | number>>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([name, value]) => actual[name] === value);
}

/** How many failures vigil_upstream_errors_total counted with these labels. */
async function errorCount(labels: Record<string, string>): Promise<number> {
  const { values } = await consoleMetrics().upstreamErrors.get();
  return values.filter((value) => hasLabels(value.labels, labels)).reduce((sum, value) => sum + value.value, 0);
}

/** How many calls vigil_upstream_request_duration_seconds observed with these labels. */
async function observedCount(labels: Record<string, string>): Promise<number> {
  const { values } = await consoleMetrics().upstreamRequestDuration.get();
  return values
    .filter((value) => value.metricName === "vigil_upstream_request_duration_seconds_count" && hasLabels(value.labels, labels))
    .reduce((sum, value) => sum + value.value, 0);
}

describe("createPrometheusClient: requests", () => {
  it("sends an instant query as GET with the time in Unix seconds", async () => {
    const { client, requests } = clientServing("query-vector.json");
    const result = await client.query("up", { time: 1795237487 });
    expect(requests).toEqual([
      expect.objectContaining({ method: "GET", url: `${BASE}/api/v1/query?query=up&time=1795237487`, body: undefined }),
    ]);
    expect(result.data.resultType).toBe("vector");
    expect(result.warnings).toEqual([]);
  });

  it("sends a query longer than the URL limit as a POST form, like Grafana", async () => {
    const { client, requests } = clientServing("query-vector.json");
    const expr = `sum by (job) (rate(http_requests_total{job=~"${"a|".repeat(MAX_GET_PARAMS_LENGTH)}b"}[5m]))`;
    await client.query(expr, { time: new Date(1_795_237_487_500) });
    const request = requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${BASE}/api/v1/query`);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.body).toBe(new URLSearchParams({ query: expr, time: "1795237487.5" }).toString());
  });

  it("sends a range query with start, end and step", async () => {
    const { client, requests } = clientServing("query-range-matrix.json");
    const result = await client.queryRange("up", { start: 1795237427, end: 1795237487, step: 5, timeout: "30s" });
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/query_range?query=up&start=1795237427&end=1795237487&step=5&timeout=30s`);
    expect(result.data.resultType).toBe("matrix");
    expect(result.data.result.map((series) => series.metric.job).sort()).toEqual(["nothing-listens", "prometheus", "relabelled"]);
  });

  it("keeps a path prefix of the base URL and drops its trailing slash", async () => {
    const fake = fakeFetch(() => fixtures.response("buildinfo.json"));
    const client = createPrometheusClient({ baseUrl: "http://thanos.test/prometheus/", timeoutMs: 1000, fetch: fake.fetch });
    await client.buildinfo();
    expect(fake.requests[0]?.url).toBe("http://thanos.test/prometheus/api/v1/status/buildinfo");
  });

  it("repeats match[] for series", async () => {
    const { client, requests } = clientServing("series.json");
    const result = await client.series(["up", "job:up:sum"], { start: 1795237427, end: 1795237487 });
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/series?match%5B%5D=up&match%5B%5D=job%3Aup%3Asum&start=1795237427&end=1795237487`);
    expect(result.data).toContainEqual({ __name__: "job:up:sum", job: "prometheus" });
  });

  it("encodes the label name in the label values path and keeps the warnings", async () => {
    const { client, requests } = clientServing("label-values-job.json");
    const result = await client.labelValues("job", { match: ['up{job!=""}'], limit: 2 });
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/label/job/values?match%5B%5D=up%7Bjob%21%3D%22%22%7D&limit=2`);
    // Prometheus 2.42 ignores limit; the client cuts the list itself.
    expect(result.data).toEqual(["nothing-listens", "prometheus"]);
    expect(result.warnings).toEqual(["not implemented"]);

    await client.labelValues("a/b c");
    expect(requests[1]?.url).toBe(`${BASE}/api/v1/label/a%2Fb%20c/values`);
  });

  it("lists label names", async () => {
    const { client, requests } = clientServing("labels.json");
    const result = await client.labels();
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/labels`);
    expect(result.data).toContain("job");
  });

  it("reads metadata", async () => {
    const { client, requests } = clientServing("metadata.json");
    const result = await client.metadata({ metric: "prometheus_http_requests_total", limit: 1 });
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/metadata?metric=prometheus_http_requests_total&limit=1`);
    expect(result.data.prometheus_http_requests_total).toEqual([{ type: "counter", help: "Counter of HTTP requests.", unit: "" }]);
  });

  it("reads targets with their health, errors and dropped targets", async () => {
    const { client, requests } = clientServing("targets.json");
    const result = await client.targets({ state: "any" });
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/targets?state=any`);
    const down = result.data.activeTargets.find((target) => target.scrapePool === "nothing-listens");
    expect(down).toMatchObject({ health: "down", scrapeUrl: "http://127.0.0.1:9/metrics", scrapeInterval: "1s" });
    expect(down?.lastError).toContain("connection refused");
    expect(result.data.droppedTargets).toEqual([
      { discoveredLabels: expect.objectContaining({ __address__: "127.0.0.1:11", job: "relabelled" }) },
    ]);
  });

  it("reads alerting and recording rules", async () => {
    const { client, requests } = clientServing("rules.json");
    const result = await client.rules({ type: "alert" });
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/rules?type=alert`);
    const rules = result.data.groups.flatMap((group) => group.rules);
    const firing = rules.find((rule) => rule.name === "AlwaysFiring");
    expect(firing).toMatchObject({ type: "alerting", state: "firing", query: "vector(1)", duration: 0, health: "ok" });
    expect(rules.find((rule) => rule.name === "TargetDown")).toMatchObject({ state: "pending", duration: 3600 });
    expect(rules.find((rule) => rule.type === "recording")).toMatchObject({ name: "job:up:sum", labels: {} });
  });

  it("reads alerts", async () => {
    const { client, requests } = clientServing("alerts.json");
    const result = await client.alerts();
    expect(requests[0]?.url).toBe(`${BASE}/api/v1/alerts`);
    expect(result.data.alerts.map((alert) => alert.state).sort()).toEqual(["firing", "pending", "pending"]);
  });

  it("reads build, runtime, flags and TSDB status", async () => {
    const build = clientServing("buildinfo.json");
    expect((await build.client.buildinfo()).data.version).toBe("2.42.0+ds");

    const runtime = clientServing("runtimeinfo.json");
    expect((await runtime.client.runtimeinfo()).data).toMatchObject({ reloadConfigSuccess: true, storageRetention: "15d" });
    expect(runtime.requests[0]?.url).toBe(`${BASE}/api/v1/status/runtimeinfo`);

    const flags = clientServing("flags.json");
    expect((await flags.client.flags()).data["storage.tsdb.retention.time"]).toBe("0s");
    expect(flags.requests[0]?.url).toBe(`${BASE}/api/v1/status/flags`);

    const tsdb = clientServing("tsdb-status.json");
    const status = await tsdb.client.tsdbStatus({ limit: 5 });
    expect(tsdb.requests[0]?.url).toBe(`${BASE}/api/v1/status/tsdb?limit=5&topN=5`);
    expect(status.data.headStats?.numSeries).toBeGreaterThan(0);
    expect(status.data.seriesCountByMetricName[0]).toEqual({ name: expect.any(String), value: expect.any(Number) });
  });

  it("reports readiness and health without throwing on 503", async () => {
    const ready = clientServing("ready.txt");
    expect(await ready.client.ready()).toEqual({ ready: true, message: "Prometheus Server is Ready." });
    expect(ready.requests[0]).toMatchObject({ method: "GET", url: `${BASE}/-/ready` });

    const healthy = clientServing("healthy.txt");
    expect(await healthy.client.healthy()).toEqual({ healthy: true, message: "Prometheus Server is Healthy." });

    // What Prometheus answers while it replays its WAL (web/web.go testReady).
    const starting = fakeFetch(() => new Response("Service Unavailable", { status: 503 }));
    const client = createPrometheusClient({ baseUrl: BASE, timeoutMs: 1000, fetch: starting.fetch });
    expect(await client.ready()).toEqual({ ready: false, message: "Service Unavailable" });
  });
});

describe("createPrometheusClient: sample values and notes", () => {
  it("reads +Inf, -Inf and NaN sample values", async () => {
    const { client } = clientServing("query-vector-special-values.json");
    const result = await client.query('label_replace(vector(1/0), "case", "positive infinity", "", "")');
    if (result.data.resultType !== "vector") throw new Error("expected a vector");
    const byCase = Object.fromEntries(vectorToSeries(result.data.result).map((series) => [series.labels.case, series.points[0]?.[1]]));
    expect(byCase).toEqual({
      "positive infinity": Number.POSITIVE_INFINITY,
      "negative infinity": Number.NEGATIVE_INFINITY,
      "not a number": Number.NaN,
      small: 0.001,
    });
  });

  it("keeps the warnings of a partial answer", async () => {
    const { client } = clientServing("query-warnings.json");
    const result = await client.query('up{vigil_remote="1"}');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^remote_read: error sending request: .*connection refused$/);
    expect(result.infos).toEqual([]);
  });

  it("reads scalar and string results", async () => {
    const scalar = clientServing("query-scalar.json");
    const scalarResult = await scalar.client.query("scalar(sum(up))");
    expect(scalarResult.data).toEqual({ resultType: "scalar", result: [expect.any(Number), "1"] });

    const text = clientServing("query-string.json");
    expect((await text.client.query('"hello"')).data).toMatchObject({ resultType: "string", result: [expect.any(Number), "hello"] });
  });
});

describe("createPrometheusClient: failures", () => {
  it("keeps the error envelope's type and message verbatim", async () => {
    const { client } = clientServing("query-error-bad-data.json");
    const error = await upstreamFailure(client.query("sum(rate(up[5m]"));
    expect(error).toMatchObject({
      upstream: "prometheus",
      instance: BASE,
      kind: "api",
      status: 400,
      errorType: "bad_data",
      message: 'bad_data: invalid parameter "query": 1:16: parse error: unclosed left parenthesis',
    });
    expect(error.httpStatus).toBe(400);
  });

  it("keeps Prometheus's advice when a range has too many points", async () => {
    const { client } = clientServing("query-range-error-step.json");
    const error = await upstreamFailure(client.queryRange("up", { start: 0, end: 2_592_000, step: 1 }));
    expect(error.message).toBe(
      "bad_data: exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)",
    );
  });

  it("reports an HTTP error without the envelope with its status and body", async () => {
    const { client } = clientServing("not-found.txt");
    const error = await upstreamFailure(client.query("up"));
    expect(error).toMatchObject({ kind: "http", status: 404 });
    expect(error.message).toBe(`Prometheus at ${BASE} answered 404 Not Found to GET /api/v1/query: 404 page not found`);
    expect(error.httpStatus).toBe(502);
  });

  it("reports a 2xx body that is not JSON as an invalid response", async () => {
    const fake = fakeFetch(() => fixtures.response("ready.txt"));
    const client = createPrometheusClient({ baseUrl: BASE, timeoutMs: 1000, fetch: fake.fetch });
    const error = await upstreamFailure(client.query("up"));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toBe(`Prometheus at ${BASE} answered GET /api/v1/query with something that is not JSON: Prometheus Server is Ready.`);
  });

  it("names the path where the data differs from what the endpoint promises", async () => {
    // The targets answer where a query answer belongs: real JSON, wrong shape.
    const { client } = clientServing("targets.json");
    const error = await upstreamFailure(client.query("up"));
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toMatch(new RegExp(`^Prometheus at ${BASE} answered GET /api/v1/query with an unexpected response: data\\.resultType: `));
  });

  it("times out with a message naming the URL", async () => {
    const fake = neverAnsweringFetch();
    const client = createPrometheusClient({ baseUrl: BASE, timeoutMs: 50, fetch: fake.fetch });
    const error = await upstreamFailure(client.query("up"));
    expect(error).toMatchObject({ kind: "timeout", instance: BASE });
    expect(error.message).toBe(`Prometheus at ${BASE} did not answer within 0.05 s`);
    expect(error.httpStatus).toBe(504);
  });

  it("reports a refused connection as unreachable", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const client = createPrometheusClient({ baseUrl: url, timeoutMs: 2000 });
    const error = await upstreamFailure(client.buildinfo());
    expect(error).toMatchObject({ kind: "unreachable", instance: url });
    expect(error.message).toBe(`Prometheus at ${url} refused the connection (is it running?)`);
    expect(error.httpStatus).toBe(503);
  });

  it("rethrows the caller's abort as an AbortError, not an upstream error", async () => {
    const fake = neverAnsweringFetch();
    const instance = "http://aborted.test:9090";
    const client = createPrometheusClient({ baseUrl: instance, timeoutMs: 5000, fetch: fake.fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const error = await failure(client.queryRange("up", { start: 0, end: 60, step: 15, signal: controller.signal }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(await errorCount({ instance })).toBe(0);
    expect(await observedCount({ instance })).toBe(0);
  });

  it("does not send at all when the caller has already aborted", async () => {
    const fake = fakeFetch(() => fixtures.response("query-vector.json"));
    const client = createPrometheusClient({ baseUrl: BASE, timeoutMs: 1000, fetch: fake.fetch });
    const error = await failure(client.query("up", { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: "AbortError" });
    expect(fake.requests).toEqual([]);
  });
});

describe("createPrometheusClient: metrics", () => {
  it("times calls by endpoint template and counts failures by kind", async () => {
    const instance = "http://metrics.test:9090";
    const ok = fakeFetch(() => fixtures.response("label-values-job.json"));
    await createPrometheusClient({ baseUrl: instance, timeoutMs: 1000, fetch: ok.fetch }).labelValues("job");
    expect(
      await observedCount({
        upstream: "prometheus",
        instance,
        endpoint: "/api/v1/label/{name}/values",
        outcome: "ok",
      }),
    ).toBe(1);

    const bad = fakeFetch(() => fixtures.response("query-error-bad-data.json"));
    await failure(createPrometheusClient({ baseUrl: instance, timeoutMs: 1000, fetch: bad.fetch }).query("sum("));
    expect(await observedCount({ instance, endpoint: "/api/v1/query", outcome: "error" })).toBe(1);
    expect(await errorCount({ upstream: "prometheus", instance, endpoint: "/api/v1/query", kind: "api" })).toBe(1);
  });
});
