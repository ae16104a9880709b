import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/errors";
import { closedPort, fakeFetch, fixtureServer, neverAnsweringFetch, type RecordedRequest } from "@/lib/http/fake-fetch";
import { createAlertmanagerClient, createAlertmanagerCluster } from "./client";
import { mergeAlerts } from "./merge";
import { gettableAlertsSchema, gettableSilencesSchema, type PostableAlert, type PostableSilence } from "./types";

const A = "http://am-a.test:9093";
const B = "http://am-b.test:9093";
const fixtures = fixtureServer(new URL("./fixtures/", import.meta.url));
const recordedSilenceId = gettableSilencesSchema.parse(fixtures.json("silences.json"))[0]?.id ?? "";

function clientServing(name: string) {
  const fake = fakeFetch(() => fixtures.response(name));
  return { client: createAlertmanagerClient({ baseUrl: A, timeoutMs: 1000, fetch: fake.fetch }), requests: fake.requests };
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

const silence: PostableSilence = {
  matchers: [{ name: "alertname", value: "GpuMemoryHigh", isRegex: false, isEqual: true }],
  startsAt: "2026-11-21T05:04:02.000Z",
  endsAt: "2026-11-21T07:04:02.000Z",
  createdBy: "oncall@example.com",
  comment: "Replacing the GPU",
};

describe("createAlertmanagerClient: requests", () => {
  it("lists alerts with one filter= per matcher and the state flags", async () => {
    const { client, requests } = clientServing("alerts-peer-a.json");
    const alerts = await client.alerts({
      filter: ['severity="critical"', 'service=~"inferno.*"'],
      active: true,
      silenced: false,
      inhibited: false,
      unprocessed: true,
      receiver: "pager|team-.*",
    });
    expect(requests).toEqual([
      expect.objectContaining({
        method: "GET",
        url: `${A}/api/v2/alerts?filter=severity%3D%22critical%22&filter=service%3D%7E%22inferno.*%22&active=true&silenced=false&inhibited=false&unprocessed=true&receiver=pager%7Cteam-.*`,
        body: undefined,
      }),
    ]);
    const silenced = alerts.find((alert) => alert.labels.alertname === "GpuMemoryHigh");
    expect(silenced?.status).toEqual({ state: "suppressed", silencedBy: [recordedSilenceId], inhibitedBy: [] });
    const inhibited = alerts.find((alert) => alert.labels.alertname === "HighLatency");
    expect(inhibited?.status.inhibitedBy).toEqual([alerts.find((alert) => alert.labels.alertname === "ServiceDown")?.fingerprint]);
  });

  it("lists alerts without a query string when there is nothing to filter", async () => {
    const { client, requests } = clientServing("alerts-peer-a.json");
    await client.alerts();
    expect(requests[0]?.url).toBe(`${A}/api/v2/alerts`);
  });

  it("lists alert groups", async () => {
    const { client, requests } = clientServing("alert-groups.json");
    const groups = await client.alertGroups({ filter: ['service="inferno"'], silenced: false });
    expect(requests[0]).toMatchObject({ method: "GET", url: `${A}/api/v2/alerts/groups?filter=service%3D%22inferno%22&silenced=false` });
    const pager = groups.find((group) => group.receiver.name === "pager");
    expect(pager?.labels).toEqual({ alertname: "ServiceDown", service: "inferno" });
    expect(pager?.alerts).toHaveLength(1);
  });

  it("lists silences in every state", async () => {
    const { client, requests } = clientServing("silences.json");
    const silences = await client.silences({ filter: ['alertname="GpuMemoryHigh"'] });
    expect(requests[0]?.url).toBe(`${A}/api/v2/silences?filter=alertname%3D%22GpuMemoryHigh%22`);
    expect(silences.map((item) => item.status.state).sort()).toEqual(["active", "expired", "pending"]);
    expect(silences.find((item) => item.status.state === "pending")?.matchers).toContainEqual({
      name: "severity",
      value: "critical",
      isRegex: false,
      isEqual: false,
    });
  });

  it("gets one silence by its ID, encoded in the path", async () => {
    const { client, requests } = clientServing("silence.json");
    const found = await client.silence(recordedSilenceId);
    expect(requests[0]).toMatchObject({ method: "GET", url: `${A}/api/v2/silence/${recordedSilenceId}` });
    expect(found).toMatchObject({ id: recordedSilenceId, createdBy: "oncall@example.com", status: { state: "active" } });

    await client.silence("../status").catch(() => undefined);
    expect(requests[1]?.url).toBe(`${A}/api/v2/silence/..%2Fstatus`);
  });

  it("creates a silence with a JSON POST and returns its ID", async () => {
    const { client, requests } = clientServing("silence-created.json");
    const created = await client.createOrUpdateSilence(silence);
    expect(requests[0]).toMatchObject({ method: "POST", url: `${A}/api/v2/silences` });
    expect(requests[0]?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual(silence);
    expect(created).toEqual(fixtures.json("silence-created.json"));
  });

  it("updates a silence by sending its ID", async () => {
    const { client, requests } = clientServing("silence-updated.json");
    const updated = await client.createOrUpdateSilence({ ...silence, id: recordedSilenceId, comment: "Part arrives tomorrow" });
    expect(JSON.parse(requests[0]?.body ?? "")).toMatchObject({ id: recordedSilenceId, comment: "Part arrives tomorrow" });
    expect(updated.silenceID).toBe(recordedSilenceId);
  });

  it("deletes a silence", async () => {
    const { client, requests } = clientServing("silence-deleted.txt");
    expect(await client.deleteSilence(recordedSilenceId)).toBeNull();
    expect(requests[0]).toMatchObject({ method: "DELETE", url: `${A}/api/v2/silence/${recordedSilenceId}`, body: undefined });
  });

  it("posts alerts as JSON", async () => {
    const { client, requests } = clientServing("silence-deleted.txt");
    const alerts: PostableAlert[] = [{ labels: { alertname: "TestAlert", service: "inferno" }, annotations: { summary: "a test" } }];
    expect(await client.postAlerts(alerts)).toBeNull();
    expect(requests[0]).toMatchObject({ method: "POST", url: `${A}/api/v2/alerts` });
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual(alerts);
  });

  it("reads the status of a clustered and a standalone instance", async () => {
    const clustered = clientServing("status-cluster.json");
    const status = await clustered.client.status();
    expect(clustered.requests[0]?.url).toBe(`${A}/api/v2/status`);
    expect(status.cluster.status).toBe("ready");
    expect(status.cluster.peers).toHaveLength(2);
    expect(status.cluster.peers.map((peer) => peer.name)).toContain(status.cluster.name);
    expect(status.versionInfo.version).toBe("0.25.0");
    expect(status.config.original).toContain("receiver: team-ml");

    const standalone = clientServing("status-disabled.json");
    expect((await standalone.client.status()).cluster).toEqual({ status: "disabled", peers: [] });
  });

  it("reports readiness", async () => {
    const { client, requests } = clientServing("ready.txt");
    expect(await client.ready()).toEqual({ ready: true, message: "OK" });
    expect(requests[0]?.url).toBe(`${A}/-/ready`);
  });
});

describe("createAlertmanagerClient: failures", () => {
  it("keeps Alertmanager's validation message verbatim", async () => {
    const { client } = clientServing("error-silence-ends-before-start.json");
    const error = await upstreamFailure(client.createOrUpdateSilence({ ...silence, endsAt: silence.startsAt, startsAt: silence.endsAt }));
    expect(error).toMatchObject({ upstream: "alertmanager", instance: A, kind: "api", status: 400 });
    expect(error.message).toBe(
      `Alertmanager at ${A} rejected POST /api/v2/silences (400): Failed to create silence: start time must be before end time`,
    );
    expect(error.httpStatus).toBe(400);
  });

  it("keeps the OpenAPI validation message", async () => {
    const { client } = clientServing("error-silence-missing-fields.json");
    const error = await upstreamFailure(client.createOrUpdateSilence(silence));
    expect(error).toMatchObject({ kind: "api", status: 422 });
    expect(error.message).toMatch(/\(422\): endsAt in body is required$/);
    expect(error.httpStatus).toBe(400);
  });

  it("keeps the reason a filter was refused", async () => {
    const { client } = clientServing("error-alerts-bad-filter.json");
    const error = await upstreamFailure(client.alerts({ filter: ['alertname=~"("'] }));
    expect(error.message).toBe(`Alertmanager at ${A} rejected GET /api/v2/alerts (400): error parsing regexp: missing closing ): \`^(?:()$\``);
  });

  it("keeps the reason alerts were refused", async () => {
    const { client } = clientServing("error-post-alerts-invalid.json");
    const error = await upstreamFailure(client.postAlerts([{ labels: { alertname: "x" } }]));
    expect(error.message).toMatch(/\(400\): at least one label pair required$/);
  });

  it("keeps a plain-text rejection", async () => {
    const fake = fakeFetch(() => new Response("bad matcher format: foo", { status: 400, headers: { "content-type": "text/plain" } }));
    const client = createAlertmanagerClient({ baseUrl: A, timeoutMs: 1000, fetch: fake.fetch });
    const error = await upstreamFailure(client.silences({ filter: ["foo"] }));
    expect(error).toMatchObject({ kind: "api", status: 400 });
    expect(error.message).toBe(`Alertmanager at ${A} rejected GET /api/v2/silences (400): bad matcher format: foo`);
  });

  it("says which silence does not exist", async () => {
    const { client } = clientServing("error-silence-not-found.txt");
    const error = await upstreamFailure(client.silence("00000000-0000-4000-8000-000000000000"));
    expect(error).toMatchObject({ kind: "api", status: 404 });
    expect(error.message).toBe(`Alertmanager at ${A} has no silence with ID 00000000-0000-4000-8000-000000000000`);
  });

  it("reports a proxy's error page as an HTTP error", async () => {
    const fake = fakeFetch(
      () => new Response("<html><body><h1>502 Bad Gateway</h1></body></html>", { status: 502, headers: { "content-type": "text/html" } }),
    );
    const client = createAlertmanagerClient({ baseUrl: A, timeoutMs: 1000, fetch: fake.fetch });
    const error = await upstreamFailure(client.status());
    expect(error).toMatchObject({ kind: "http", status: 502 });
    expect(error.message).toBe(`Alertmanager at ${A} answered 502 Bad Gateway to GET /api/v2/status: 502 Bad Gateway`);
  });

  it("reports a body of the wrong shape as an invalid response naming the path", async () => {
    const { client } = clientServing("alert-groups.json");
    const error = await upstreamFailure(client.alerts());
    expect(error.kind).toBe("invalid-response");
    expect(error.message).toMatch(new RegExp(`^Alertmanager at ${A} answered GET /api/v2/alerts with an unexpected response: \\[0\\]\\.`));
  });

  it("times out with a message naming the URL", async () => {
    const client = createAlertmanagerClient({ baseUrl: A, timeoutMs: 40, fetch: neverAnsweringFetch().fetch });
    const error = await upstreamFailure(client.alerts());
    expect(error).toMatchObject({ kind: "timeout", instance: A, message: `Alertmanager at ${A} did not answer within 0.04 s` });
  });

  it("rethrows the caller's abort as an AbortError", async () => {
    const client = createAlertmanagerClient({ baseUrl: A, timeoutMs: 5000, fetch: neverAnsweringFetch().fetch });
    const error = await failure(client.silences({ signal: AbortSignal.timeout(10) }));
    // AbortSignal.timeout aborts with a TimeoutError; the caller still gets an AbortError.
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
  });
});

/** A fetch that serves A from fixtures and sends everything else to the real network. */
function instanceAFromFixtures(name: string) {
  return fakeFetch((request: RecordedRequest) =>
    request.url.startsWith(A) ? fixtures.response(name) : fetch(request.url, { method: request.method, body: request.body }),
  );
}

describe("createAlertmanagerCluster", () => {
  it("asks every instance and reports the one that is down beside the other's data", async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const fake = instanceAFromFixtures("alerts-peer-a.json");
    const cluster = createAlertmanagerCluster([A, down], 2000, { fetch: fake.fetch });
    const results = await cluster.alerts({ active: true });

    expect(fake.requests.map((request) => request.url).sort()).toEqual(
      [`${A}/api/v2/alerts?active=true`, `${down}/api/v2/alerts?active=true`].sort(),
    );
    const [first, second] = results;
    expect(first).toMatchObject({ instance: A, ok: true, latencyMs: expect.any(Number) });
    expect(first?.ok && first.data).toHaveLength(5);
    expect(second).toMatchObject({ instance: down, ok: false });
    if (second?.ok !== false) throw new Error("expected the second instance to fail");
    expect(second.error).toBeInstanceOf(UpstreamError);
    expect(second.error).toMatchObject({ kind: "unreachable", message: `Alertmanager at ${down} refused the connection (is it running?)` });

    const merged = mergeAlerts(results);
    expect(merged).toHaveLength(5);
    expect(merged.every((alert) => alert.instances.length === 1 && alert.instances[0] === A)).toBe(true);
  });

  it("deduplicates the alerts both peers hold and records which peer holds each", async () => {
    const fake = fakeFetch((request) => fixtures.response(request.url.startsWith(A) ? "alerts-peer-a.json" : "alerts-peer-b.json"));
    const cluster = createAlertmanagerCluster([A, B], 1000, { fetch: fake.fetch });
    const merged = mergeAlerts(await cluster.alerts());
    expect(merged).toHaveLength(5);
    expect(merged.find((alert) => alert.labels.alertname === "AgentLoopDetected")?.instances).toEqual([A]);
    expect(merged.find((alert) => alert.labels.alertname === "ServiceDown")?.instances).toEqual([A, B]);
  });

  it("reads status, groups and silences from every instance", async () => {
    const fake = fakeFetch((request) => {
      if (request.url.endsWith("/api/v2/status")) return fixtures.response("status-cluster.json");
      if (request.url.endsWith("/api/v2/alerts/groups")) return fixtures.response("alert-groups.json");
      return fixtures.response("silences.json");
    });
    const cluster = createAlertmanagerCluster([A, B], 1000, { fetch: fake.fetch });
    expect(cluster.instances).toEqual([A, B]);
    for (const results of [await cluster.status(), await cluster.alertGroups(), await cluster.silences()]) {
      expect(results.map((result) => [result.instance, result.ok])).toEqual([
        [A, true],
        [B, true],
      ]);
    }
  });

  it("writes a silence to the first instance that answers, skipping one that is down", async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const fake = fakeFetch((request) =>
      request.url.startsWith(B) ? fixtures.response("silence-created.json") : fetch(request.url, { method: request.method }),
    );
    const cluster = createAlertmanagerCluster([down, B], 2000, { fetch: fake.fetch });
    const written = await cluster.createOrUpdateSilence(silence);
    expect(written).toEqual({ instance: B, data: fixtures.json("silence-created.json") });
    expect(fake.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST ${down}/api/v2/silences`,
      `POST ${B}/api/v2/silences`,
    ]);
  });

  it("skips an instance that does not answer in time", async () => {
    const never = neverAnsweringFetch();
    const fake = fakeFetch((request) =>
      request.url.startsWith(A) ? never.fetch(request.url, { signal: AbortSignal.timeout(30) }) : fixtures.response("silence-deleted.txt"),
    );
    const cluster = createAlertmanagerCluster([A, B], 30, { fetch: fake.fetch });
    expect(await cluster.deleteSilence(recordedSilenceId)).toEqual({ instance: B, data: null });
  });

  it("does not retry a write the first instance rejected", async () => {
    const fake = fakeFetch(() => fixtures.response("error-silence-ends-before-start.json"));
    const cluster = createAlertmanagerCluster([A, B], 1000, { fetch: fake.fetch });
    const error = await upstreamFailure(cluster.createOrUpdateSilence(silence));
    expect(error).toMatchObject({ kind: "api", status: 400, instance: A });
    expect(fake.requests).toHaveLength(1);
  });

  it("fails with every instance's reason when none answers", async () => {
    const first = `http://127.0.0.1:${await closedPort()}`;
    const second = `http://127.0.0.1:${await closedPort()}`;
    const cluster = createAlertmanagerCluster([first, second], 2000);
    const error = await upstreamFailure(cluster.deleteSilence(recordedSilenceId));
    expect(error.kind).toBe("unreachable");
    expect(error.message).toBe(
      `No Alertmanager answered: Alertmanager at ${first} refused the connection (is it running?); Alertmanager at ${second} refused the connection (is it running?)`,
    );
  });

  it("posts alerts to every instance, since alerts are not gossiped", async () => {
    const fake = fakeFetch(() => fixtures.response("silence-deleted.txt"));
    const cluster = createAlertmanagerCluster([A, B], 1000, { fetch: fake.fetch });
    const alerts: PostableAlert[] = [{ labels: { alertname: "TestAlert" } }];
    const results = await cluster.postAlerts(alerts);
    expect(results.map((result) => [result.instance, result.ok])).toEqual([
      [A, true],
      [B, true],
    ]);
    expect(fake.requests.map((request) => `${request.method} ${request.url} ${request.body}`)).toEqual([
      `POST ${A}/api/v2/alerts ${JSON.stringify(alerts)}`,
      `POST ${B}/api/v2/alerts ${JSON.stringify(alerts)}`,
    ]);
  });

  it("rethrows the caller's abort instead of reporting every instance as failed", async () => {
    const cluster = createAlertmanagerCluster([A, B], 5000, { fetch: neverAnsweringFetch().fetch });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    const error = await failure(cluster.alerts({ signal: controller.signal }));
    expect(error).toMatchObject({ name: "AbortError" });
  });
});

describe("recorded fixtures", () => {
  it("parse as the v2 schemas say", () => {
    expect(gettableAlertsSchema.parse(fixtures.json("alerts-peer-b.json"))).toHaveLength(4);
  });
});
