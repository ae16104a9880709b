import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerClient } from "@/lib/alertmanager/client";
import { UpstreamError } from "@/lib/errors";
import { createPrometheusClient } from "@/lib/prometheus/client";

/*
 * Slow upstreams: a proxy in front of the test stack's real Prometheus and Alertmanager holds each
 * answer back for as long as a test asks. A client whose timeout is shorter than the delay must
 * give up at its timeout with a 504 that names the upstream and the timeout; a longer timeout
 * must get the real answer through the same proxy (so the proxy, not the upstream, is what is slow).
 */

interface DelayingProxy {
  url: string;
  delayMs: number;
  close: () => Promise<void>;
}

async function delayingProxy(upstream: string): Promise<DelayingProxy> {
  const target = new URL(upstream);
  const state = { delayMs: 0 };
  const server = http.createServer((request, response) => {
    const timer = setTimeout(() => {
      const forwarded = http.request(
        { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: { ...request.headers, host: target.host } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on("error", () => response.destroy());
      request.pipe(forwarded);
    }, state.delayMs);
    // A client that gave up closes its connection: nothing is forwarded for it.
    response.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; the integration test setup provides it.`);
  return value;
}

let prometheus: DelayingProxy;
let alertmanager: DelayingProxy;

beforeAll(async () => {
  prometheus = await delayingProxy(env("VIGIL_TEST_PROMETHEUS_URL"));
  const [firstAlertmanager] = env("VIGIL_TEST_ALERTMANAGER_URLS").split(",");
  alertmanager = await delayingProxy(firstAlertmanager ?? "");
});

afterAll(async () => {
  await Promise.all([prometheus?.close(), alertmanager?.close()]);
});

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof UpstreamError)) throw new Error(`expected an UpstreamError, got ${String(error)}`);
  return error;
}

describe("a slow upstream hits the configured timeout and says so", () => {
  it("Prometheus: a 1.5 s delay against a 400 ms timeout is a 504 naming Prometheus and the timeout; a 3 s timeout gets the answer", async () => {
    prometheus.delayMs = 1500;
    const impatient = createPrometheusClient({ baseUrl: prometheus.url, timeoutMs: 400 });
    // Had it waited for the answer, the query would have succeeded: a timeout error is the proof.
    const error = await failure(impatient.query("up"));
    expect(error.kind).toBe("timeout");
    expect(error.httpStatus).toBe(504);
    expect(error.message).toBe(`Prometheus at ${prometheus.url} did not answer within 0.4 s`);

    const patient = createPrometheusClient({ baseUrl: prometheus.url, timeoutMs: 3000 });
    const answer = await patient.query("up");
    expect(answer.data.resultType).toBe("vector");
  });

  it("Alertmanager: the same, for its status and alerts", async () => {
    alertmanager.delayMs = 1500;
    const impatient = createAlertmanagerClient({ baseUrl: alertmanager.url, timeoutMs: 400 });
    for (const call of [() => impatient.status(), () => impatient.alerts()]) {
      const error = await failure(call());
      expect(error.kind).toBe("timeout");
      expect(error.httpStatus).toBe(504);
      expect(error.message).toBe(`Alertmanager at ${alertmanager.url} did not answer within 0.4 s`);
    }
    const patient = createAlertmanagerClient({ baseUrl: alertmanager.url, timeoutMs: 3000 });
    expect((await patient.status()).cluster.status).toMatch(/^(ready|settling)$/);
  });
});
