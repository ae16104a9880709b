import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as sloRoute from "@/app/api/slos/[id]/route";
import * as edgesRoute from "@/app/api/slos/le-edges/route";
import * as previewRoute from "@/app/api/slos/preview/route";
import * as rulesRoute from "@/app/api/slos/rules/route";
import * as slosRoute from "@/app/api/slos/route";
import { PEER_HEADER } from "@/lib/auth/request-meta";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { discoverExternalSlos } from "@/lib/slo/external-server";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { eventually } from "@/lib/testing/eventually";
import { createPerson, type TestPerson } from "@/lib/testing/people";

// The console reads the test stack's Prometheus (the demo exporter's vLLM histograms, the stack's Sloth and Pyrra rules).
process.env.PROMETHEUS_URL = process.env.VIGIL_TEST_PROMETHEUS_URL;
process.env.ALERTMANAGER_URLS = process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "";

let database: PrivateDatabase;
let editor: TestPerson;
let other: TestPerson;
let viewer: TestPerson;

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

function call(handler: Handler, method: string, url: string, person: TestPerson, body?: unknown, id = ""): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json", [PEER_HEADER]: "127.0.0.1", cookie: `${SESSION_COOKIE}=${encodeURIComponent(person.sessionToken)}` });
  return handler(new Request(`http://console.test${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ id }) });
}

const HISTOGRAM = 'vllm:e2e_request_latency_seconds{job="vllm"}';
const spec = (le: string | number, extra: Record<string, unknown> = {}) => ({
  service: "it-slo",
  name: "e2e-latency",
  description: "Requests complete in time.",
  objective: 99,
  window: "28d",
  sli: { latency: { histogram: HISTOGRAM, le } },
  groupBy: "model_name",
  labels: { team: "llm-platform" },
  ...extra,
});

function auditOf(id: string) {
  return db().auditEvent.findMany({ where: { targetType: "slo", targetId: id }, orderBy: { id: "asc" }, select: { action: true, actorName: true, before: true, after: true } });
}

beforeAll(async () => {
  database = await createPrivateDatabase("slo_definitions");
  editor = await createPerson("editor");
  other = await createPerson("editor", "other");
  viewer = await createPerson("viewer");
});

afterAll(async () => {
  await database?.drop();
});

describe("SLOs stored in the console", () => {
  let edges: string[] = [];

  it("offers the histogram's bucket edges, each once", async () => {
    edges = await eventually(async () => {
      const response = await call(edgesRoute.GET, "GET", `/api/slos/le-edges?histogram=${encodeURIComponent(HISTOGRAM)}`, viewer);
      expect(response.status).toBe(200);
      const body: unknown = await response.json();
      expect(body).toMatchObject({ edges: expect.arrayContaining(["1"]) });
      return z.object({ edges: z.array(z.string()) }).parse(body).edges;
    });
    expect(new Set(edges).size).toBe(edges.length);
    expect(edges).not.toContain("+Inf");
  });

  it("refuses a threshold that is not a bucket edge, naming the field, and writes nothing", async () => {
    const response = await call(slosRoute.POST, "POST", "/api/slos", editor, { spec: spec(0.123) });
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ issues: [{ path: "spec.sli.latency.le", message: expect.stringContaining("is not a bucket edge") }] });
    expect(await db().sloDefinitionRecord.count()).toBe(0);
  });

  it("refuses an unknown datasource on the datasource field", async () => {
    const response = await call(slosRoute.POST, "POST", "/api/slos", editor, { spec: spec(1, { datasource: "nowhere" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [{ path: "spec.datasource" }] });
  });

  it("creates, lists, updates, refuses a stale save (409 naming who), deletes: each audited", async () => {
    // "1.0" and 1 are the same edge: the SLO stores the canonical spelling.
    const created = await call(slosRoute.POST, "POST", "/api/slos", editor, { spec: spec("1.0") });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: "it-slo--e2e-latency", version: 1 });
    const duplicate = await call(slosRoute.POST, "POST", "/api/slos", other, { spec: spec(1) });
    expect(duplicate.status).toBe(409);

    const list = await call(slosRoute.GET, "GET", "/api/slos", viewer);
    const listed: unknown = await list.json();
    expect(listed).toMatchObject({ rows: expect.arrayContaining([expect.objectContaining({ id: "it-slo--e2e-latency", origin: "stored" }), expect.objectContaining({ origin: "file" })]) });

    const updated = await call(sloRoute.PUT, "PUT", "/api/slos/it-slo--e2e-latency", other, { version: 1, spec: spec(edges.at(-1) ?? 1, { objective: 99.5 }) }, "it-slo--e2e-latency");
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ id: "it-slo--e2e-latency", version: 2 });

    const stale = await call(sloRoute.PUT, "PUT", "/api/slos/it-slo--e2e-latency", editor, { version: 1, spec: spec(1, { objective: 95 }) }, "it-slo--e2e-latency");
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: expect.stringContaining(other.actor.name), current: { version: 2, updatedBy: other.actor.name } });

    // Its recording and burn-rate alerting rules, for the Prometheus it reads.
    const rules = await (await call(rulesRoute.GET, "GET", "/api/slos/rules", viewer)).text();
    expect(rules).toContain("slo_id: it-slo--e2e-latency");
    expect(rules).toContain("alert: SLOBudgetBurnFast");

    const detail = await call(sloRoute.GET, "GET", "/api/slos/it-slo--e2e-latency", viewer, undefined, "it-slo--e2e-latency");
    expect(await detail.json()).toMatchObject({ slo: { objective: 0.995, source: { format: "stored" } }, stored: { version: 2, createdBy: editor.actor.name, updatedBy: other.actor.name } });

    const forbidden = await call(sloRoute.DELETE, "DELETE", "/api/slos/it-slo--e2e-latency", viewer, { version: 2 }, "it-slo--e2e-latency");
    expect(forbidden.status).toBe(403);
    const deleted = await call(sloRoute.DELETE, "DELETE", "/api/slos/it-slo--e2e-latency", editor, { version: 2 }, "it-slo--e2e-latency");
    expect(deleted.status).toBe(200);
    expect(await db().sloDefinitionRecord.count()).toBe(0);

    expect(await auditOf("it-slo--e2e-latency")).toEqual([
      { action: "slo.create", actorName: editor.actor.name, before: null, after: expect.objectContaining({ version: 1, spec: expect.objectContaining({ sli: { latency: { histogram: HISTOGRAM, le: "1" } } }) }) },
      { action: "slo.update", actorName: other.actor.name, before: expect.objectContaining({ version: 1 }), after: expect.objectContaining({ version: 2, spec: expect.objectContaining({ objective: 99.5 }) }) },
      { action: "slo.delete", actorName: editor.actor.name, before: expect.objectContaining({ version: 2 }), after: null },
    ]);
  });

  it("previews an unsaved SLO with the list's computation", async () => {
    const response = await call(previewRoute.POST, "POST", "/api/slos/preview", editor, { spec: spec(1) });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ rows: expect.arrayContaining([expect.objectContaining({ group: { label: "model_name", value: expect.any(String) }, objective: 0.99 })]) });
  });
});

describe("Sloth and Pyrra SLOs recorded in Prometheus", () => {
  it("are discovered with their objective, window, SLI, budget and burn rates", async () => {
    const list = await eventually(async () => {
      const found = await discoverExternalSlos();
      expect(found.slos.map((slo) => slo.key)).toEqual(["pyrra--vllm-success", "sloth--vllm-requests-not-aborted"]);
      expect(found.slos.every((slo) => slo.sli !== null)).toBe(true);
      return found;
    });
    const [pyrra, sloth] = list.slos;
    expect(sloth).toMatchObject({ tool: "sloth", service: "vllm", name: "requests-not-aborted", objective: expect.closeTo(0.99, 9), windowSeconds: 30 * 86_400, labels: { owner: "llm-platform" } });
    expect(sloth?.burnRates.map((burn) => burn.window)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "3d"]);
    expect(sloth?.errorBudgetRemaining).toBeLessThanOrEqual(1);
    expect(pyrra).toMatchObject({ tool: "pyrra", name: "vllm-success", objective: 0.99, windowSeconds: 28 * 86_400, requestsPerSecond: expect.any(Number) });
    expect(pyrra?.burnRates.map((burn) => burn.window)).toEqual(["5m", "30m", "1h", "2h", "6h", "1d", "4d"]);
    // The figures agree with the series they come from: budget left = (availability - objective) / (1 - objective).
    expect(pyrra?.errorBudgetRemaining).toBeCloseTo(((pyrra?.sli ?? 0) - 0.99) / 0.01, 6);
  });
});
