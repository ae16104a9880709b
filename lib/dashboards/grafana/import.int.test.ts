import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as panelsRoute from "@/app/api/dashboards/[uid]/panels/route";
import * as importRoute from "@/app/api/dashboards/import/route";
import * as historyRoute from "@/app/api/explore/history/route";
import * as labelValuesRoute from "@/app/api/prometheus/label/[name]/values/route";
import * as labelsRoute from "@/app/api/prometheus/labels/route";
import * as metadataRoute from "@/app/api/prometheus/metadata/route";
import * as seriesRoute from "@/app/api/prometheus/series/route";
import { main } from "@/cli/main";
import { PEER_HEADER } from "@/lib/auth/request-meta";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { getDashboard } from "@/lib/data/dashboards";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { QUERY_HISTORY_LIMIT } from "@/lib/validations/explore";

/**
 * Grafana import and Explore against the real stack: the route and the CLI store into Postgres and
 * getDashboard reads back what they stored; the PromQL editor's proxies answer in Prometheus's shapes.
 */

const fixtures = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

let database: PrivateDatabase;
let editor: TestPerson;
let viewer: TestPerson;

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

function call<P>(handler: Handler<P>, method: string, url: string, person: TestPerson, params: P, body?: unknown): Promise<Response> {
  const headers = new Headers({ [PEER_HEADER]: "127.0.0.1", cookie: `${SESSION_COOKIE}=${encodeURIComponent(person.sessionToken)}` });
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://console.test${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve(params) });
}

async function json(response: Response): Promise<unknown> {
  return JSON.parse(await response.text());
}

beforeAll(async () => {
  const prometheus = process.env.VIGIL_TEST_PROMETHEUS_URL;
  if (!prometheus) throw new Error("VIGIL_TEST_PROMETHEUS_URL is not set; the integration project's global setup provides it");
  process.env.PROMETHEUS_URL = prometheus;
  database = await createPrivateDatabase("import");
  editor = await createPerson("editor");
  viewer = await createPerson("viewer");
});

afterAll(async () => {
  await database?.drop();
});

describe("POST /api/dashboards/import", () => {
  it("?dryRun=1 answers the report and stores nothing", async () => {
    const response = await call(importRoute.POST, "POST", "/api/dashboards/import?dryRun=1", editor, {}, { source: fixture("dcgm-exporter-dashboard.json") });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      uid: "nvidia-dcgm-exporter-dashboard",
      uidTaken: false,
      url: "/dashboards/nvidia-dcgm-exporter-dashboard",
      report: JSON.parse(fixture("dcgm-exporter-dashboard.report.json")),
      source: { uid: "Oxed_c6Wz", schemaVersion: 22 },
    });
    expect(await database.query("SELECT uid FROM dashboards")).toEqual([]);
  });

  it("stores the converted dashboard, audited; getDashboard reads it back; a second import of the uid is a 409", async () => {
    const response = await call(importRoute.POST, "POST", "/api/dashboards/import", editor, {}, { source: fixture("inferno-dashboard.json"), title: "Inferno (imported)" });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ uid: "inferno-overview", url: "/dashboards/inferno-overview", version: 1 });
    const stored = await getDashboard("inferno-overview");
    expect(stored).toMatchObject({ source: "database", version: 1, dashboard: { uid: "inferno-overview", title: "Inferno (imported)", refresh: "30s" } });
    expect(stored.dashboard.panels).toHaveLength(8);
    const [audit] = await database.query("SELECT actor_id, action, target_id FROM audit_events WHERE action = 'dashboard.create'");
    expect(audit).toEqual({ actor_id: editor.actor.userId, action: "dashboard.create", target_id: "inferno-overview" });

    const dryRun = await call(importRoute.POST, "POST", "/api/dashboards/import?dryRun=1", editor, {}, { source: fixture("inferno-dashboard.json") });
    expect(await json(dryRun)).toMatchObject({ uidTaken: true });
    const again = await call(importRoute.POST, "POST", "/api/dashboards/import", editor, {}, { source: fixture("inferno-dashboard.json") });
    expect(again.status).toBe(409);
    expect(await json(again)).toEqual({ error: 'A dashboard with uid "inferno-overview" already exists.' });
  });

  it("refuses a file that is not a Grafana dashboard with a 400 saying what it is", async () => {
    const source = JSON.stringify({ apiVersion: "dashboard.grafana.app/v2beta1", kind: "Dashboard", spec: { elements: {}, layout: {} } });
    const response = await call(importRoute.POST, "POST", "/api/dashboards/import", editor, {}, { source });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: expect.stringContaining("Grafana 12 dashboard in the v2 schema") });
  });

  it("takes files beyond the 64 KiB body limit of other routes", async () => {
    const board: unknown = JSON.parse(fixture("dcgm-exporter-dashboard.json"));
    const big = { dashboard: board, padding: "x".repeat(200_000) };
    const response = await call(importRoute.POST, "POST", "/api/dashboards/import?dryRun=1", editor, {}, { source: JSON.stringify(big) });
    expect(response.status).toBe(200);
  });

  it("is for editors: a viewer gets 403", async () => {
    const response = await call(importRoute.POST, "POST", "/api/dashboards/import?dryRun=1", viewer, {}, { source: fixture("inferno-dashboard.json") });
    expect(response.status).toBe(403);
  });
});

describe("vigil dashboards import", () => {
  it("stores into Postgres as the system, and getDashboard reads it back", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const code = await main(["dashboards", "import", path.join(fixtures, "dcgm-exporter-dashboard.json"), "--uid", "gpu-from-cli", "--json", "--database-url", database.url]);
      expect(code).toBe(0);
      expect(JSON.parse(log.mock.calls.map((call) => call.join(" ")).join("\n"))).toEqual(JSON.parse(fixture("dcgm-exporter-dashboard.report.json")));
      expect(error.mock.calls.flat().join("\n")).toContain("/dashboards/gpu-from-cli");
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    const stored = await getDashboard("gpu-from-cli");
    expect(stored.dashboard).toMatchObject({ title: "NVIDIA DCGM Exporter Dashboard", variables: [{ name: "datasource" }, { name: "instance" }, { name: "gpu" }] });
    const [row] = await database.query("SELECT created_by_id FROM dashboards WHERE uid = 'gpu-from-cli'");
    expect(row).toEqual({ created_by_id: null });
    const [audit] = await database.query("SELECT actor_type, actor_name FROM audit_events WHERE target_id = 'gpu-from-cli'");
    expect(audit).toMatchObject({ actor_type: "system", actor_name: expect.stringMatching(/^vigil CLI \(/) });
  });
});

describe("POST /api/dashboards/<uid>/panels", () => {
  const panel = { title: "Up", expr: "up", legendFormat: "{{job}}" };

  it("creates a new dashboard holding the panel, then appends to it as a new version", async () => {
    const created = await call(panelsRoute.POST, "POST", "/api/dashboards/from-explore/panels", editor, { uid: "from-explore" }, { panel, create: { title: "From Explore" } });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ uid: "from-explore", url: "/dashboards/from-explore", version: 1 });
    const appended = await call(panelsRoute.POST, "POST", "/api/dashboards/from-explore/panels", editor, { uid: "from-explore" }, { panel: { title: "Rate", expr: "rate(x[5m])" } });
    expect(appended.status).toBe(201);
    const stored = await getDashboard("from-explore");
    expect(stored.version).toBe(2);
    expect(stored.dashboard.panels).toMatchObject([
      { type: "timeseries", title: "Up", gridPos: { y: 0, w: 24 }, targets: [{ expr: "up", legendFormat: "{{job}}" }] },
      { type: "timeseries", title: "Rate", gridPos: { y: 8 }, targets: [{ expr: "rate(x[5m])" }] },
    ]);
    const actions = await database.query("SELECT action FROM audit_events WHERE target_id = 'from-explore' ORDER BY at");
    expect(actions.map((row) => row.action)).toEqual(["dashboard.create", "dashboard.update"]);
  });

  it("404 for a dashboard that does not exist, 409 for creating one that does", async () => {
    expect((await call(panelsRoute.POST, "POST", "/api/dashboards/nope/panels", editor, { uid: "nope" }, { panel })).status).toBe(404);
    expect((await call(panelsRoute.POST, "POST", "/api/dashboards/from-explore/panels", editor, { uid: "from-explore" }, { panel, create: { title: "x" } })).status).toBe(409);
  });
});

describe("Explore history", () => {
  it("records per person, newest first, a rerun moves to the top, at most the limit kept", async () => {
    for (const expr of ["up", "rate(x[5m])", "up"]) {
      const response = await call(historyRoute.POST, "POST", "/api/explore/history", viewer, {}, { expr });
      expect(response.status).toBe(201);
    }
    const list = await json(await call(historyRoute.GET, "GET", "/api/explore/history", viewer, {}));
    expect(list).toMatchObject({ entries: [{ expr: "up" }, { expr: "rate(x[5m])" }] });
    const others = await json(await call(historyRoute.GET, "GET", "/api/explore/history", editor, {}));
    expect(others).toEqual({ entries: [] });

    for (let index = 0; index < QUERY_HISTORY_LIMIT + 5; index += 1) {
      await call(historyRoute.POST, "POST", "/api/explore/history", editor, {}, { expr: `vector(${index})` });
    }
    const [count] = await database.query("SELECT count(*)::int AS n FROM query_history WHERE user_id = $1", [editor.actor.userId]);
    expect(count).toEqual({ n: QUERY_HISTORY_LIMIT });
    const newest = await json(await call(historyRoute.GET, "GET", "/api/explore/history", editor, {}));
    expect(newest).toMatchObject({ entries: expect.arrayContaining([{ expr: `vector(${QUERY_HISTORY_LIMIT + 4})`, id: expect.any(String), ranAt: expect.any(String) }]) });
  });
});

describe("Prometheus proxies for the PromQL editor", () => {
  it("labels, label values (metric names), series and metadata in Prometheus's envelope", async () => {
    const labels = await json(await call(labelsRoute.GET, "GET", "/api/prometheus/labels", viewer, {}));
    expect(labels).toMatchObject({ status: "success", data: expect.arrayContaining(["__name__", "job", "instance"]) });

    const names = await json(await call(labelValuesRoute.GET, "GET", "/api/prometheus/label/__name__/values", viewer, { name: "__name__" }));
    expect(names).toMatchObject({ status: "success", data: expect.arrayContaining(["up"]) });

    const jobs = await json(await call(labelValuesRoute.GET, "GET", `/api/prometheus/label/job/values?match[]=${encodeURIComponent('{__name__="up"}')}`, viewer, { name: "job" }));
    expect(jobs).toMatchObject({ status: "success", data: expect.arrayContaining([expect.any(String)]) });

    const end = new Date();
    const start = new Date(end.getTime() - 3_600_000);
    const series = await json(
      await call(seriesRoute.GET, "GET", `/api/prometheus/series?match[]=${encodeURIComponent('{__name__="up"}')}&start=${start.toISOString()}&end=${end.toISOString()}`, viewer, {}),
    );
    expect(series).toMatchObject({ status: "success", data: expect.arrayContaining([expect.objectContaining({ __name__: "up" })]) });

    const metadata = await json(await call(metadataRoute.GET, "GET", "/api/prometheus/metadata", viewer, {}));
    expect(metadata).toMatchObject({ status: "success", data: expect.any(Object) });
  });

  it("400 naming the parameter for a bad time or a series lookup without match[]", async () => {
    const bad = await call(labelsRoute.GET, "GET", "/api/prometheus/labels?start=yesterday", viewer, {});
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ error: expect.stringContaining("start") });
    const none = await call(seriesRoute.GET, "GET", "/api/prometheus/series", viewer, {});
    expect(none.status).toBe(400);
    expect(await json(none)).toMatchObject({ error: expect.stringContaining("match[]") });
  });
});
