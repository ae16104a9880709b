import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/admin/sessions/[id]/route";
import * as passwordLinkRoute from "@/app/api/admin/users/[id]/password-link/route";
import * as userRoute from "@/app/api/admin/users/[id]/route";
import * as userSessionsRoute from "@/app/api/admin/users/[id]/sessions/route";
import * as usersRoute from "@/app/api/admin/users/route";
import * as dashboardRoute from "@/app/api/dashboards/[uid]/route";
import * as budgetRoute from "@/app/api/cost/budgets/[id]/route";
import * as budgetsRoute from "@/app/api/cost/budgets/route";
import * as priceRoute from "@/app/api/cost/prices/[id]/route";
import * as pricesRoute from "@/app/api/cost/prices/route";
import * as dashboardsRoute from "@/app/api/dashboards/route";
import * as testAlertRoute from "@/app/api/alerts/test/route";
import * as maintenanceWindowRoute from "@/app/api/maintenance-windows/[id]/route";
import * as runbooksRoute from "@/app/api/runbooks/route";
import * as runbookRoute from "@/app/api/runbooks/[slug]/route";
import * as runbookRestoreRoute from "@/app/api/runbooks/[slug]/restore/route";
import * as maintenanceWindowsRoute from "@/app/api/maintenance-windows/route";
import * as silenceRoute from "@/app/api/silences/[id]/route";
import * as silencesRoute from "@/app/api/silences/route";
import * as setPasswordRoute from "@/app/api/auth/set-password/route";
import * as acknowledgementRoute from "@/app/api/acknowledgements/[id]/route";
import * as acknowledgementsRoute from "@/app/api/acknowledgements/route";
import * as tokenRoute from "@/app/api/tokens/[id]/route";
import * as tokensRoute from "@/app/api/tokens/route";
import * as dashboardPanelsRoute from "@/app/api/dashboards/[uid]/panels/route";
import { budgetSchema, modelPriceSchema } from "@/lib/validations/cost";
import * as dashboardImportRoute from "@/app/api/dashboards/import/route";
import * as exploreHistoryRoute from "@/app/api/explore/history/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createRunbookSchema, deleteRunbookSchema, restoreRunbookSchema, slugSchema, updateRunbookSchema } from "@/lib/validations/runbooks";
import { PEER_HEADER } from "@/lib/auth/request-meta";
import { ROLES } from "@/lib/auth/roles";
import { ROUTE_POLICY } from "@/lib/auth/route-policy";
import { sha256 } from "@/lib/auth/secrets";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { maintenanceWindowBodySchema, silenceBodySchema } from "@/lib/validations/silences";
import { acknowledgeSchema, unacknowledgeSchema } from "@/lib/validations/alerts";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { malformedBodies, type RawBody } from "@/lib/testing/malformed-bodies";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { createTokenSchema, emptyBodySchema, inviteUserSchema, setPasswordSchema, updateUserSchema } from "@/lib/validations/admin";
import { testAlertSchema } from "@/lib/validations/test-alert";
import { dashboardImportSchema } from "@/lib/validations/dashboard-import";
import { addPanelSchema, queryHistoryEntrySchema } from "@/lib/validations/explore";
import { createDashboardBodySchema, updateDashboardBodySchema } from "@/lib/validations/dashboards";
import * as sloRoute from "@/app/api/slos/[id]/route";
import * as sloPreviewRoute from "@/app/api/slos/preview/route";
import * as slosRoute from "@/app/api/slos/route";
import { createSloBodySchema, deleteSloBodySchema, previewSloBodySchema, updateSloBodySchema } from "@/lib/validations/slos";

/**
 * Every mutation route, called as Next.js calls it (a Request, the route's params) with a real
 * session cookie against a private database: 1,000 malformed bodies (and malformed path ids) per
 * route must each get a 400 naming the problem, and leave the database exactly as it was.
 */

const RUNS = 1000;

let database: PrivateDatabase;
let admin: TestPerson;
let target: TestPerson;
let tokenId: string;

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

function send(method: string, path: string, handler: Handler, id: string, body: RawBody | undefined, signedIn = true): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json", [PEER_HEADER]: "127.0.0.1" });
  if (signedIn) headers.set("cookie", `${SESSION_COOKIE}=${encodeURIComponent(admin.sessionToken)}`);
  const request = new Request(`http://console.test${path}`, { method, headers, body });
  return handler(request, { params: Promise.resolve({ id }) });
}

type UidHandler = (request: Request, context: { params: Promise<{ uid: string }> }) => Promise<Response>;

/** `send` for routes whose path parameter is a dashboard uid. */
function sendUid(method: string, path: string, handler: UidHandler, uid: string, body: RawBody | undefined): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json", [PEER_HEADER]: "127.0.0.1" });
  headers.set("cookie", `${SESSION_COOKIE}=${encodeURIComponent(admin.sessionToken)}`);
  return handler(new Request(`http://console.test${path}`, { method, headers, body }), { params: Promise.resolve({ uid }) });
}

/** Row counts and a digest of every column a mutation could change. */
async function snapshot(): Promise<Record<string, unknown>> {
  const [row] = await database.query(`
    SELECT (SELECT count(*) FROM users) AS users,
           (SELECT count(*) FROM api_tokens) AS api_tokens,
           (SELECT count(*) FROM sessions) AS sessions,
           (SELECT count(*) FROM audit_events) AS audit_events,
           (SELECT count(*) FROM password_setup_tokens) AS password_links,
           (SELECT count(*) FROM sign_in_failures) AS sign_in_failures,
           (SELECT md5(coalesce(string_agg(concat_ws('|', tenant, team, monthly_usd), ',' ORDER BY tenant), '')) FROM tenant_budgets) AS budgets,
           (SELECT md5(coalesce(string_agg(concat_ws('|', model, kind, input_usd_per_1k, output_usd_per_1k), ',' ORDER BY model), '')) FROM model_prices) AS model_prices,
           (SELECT md5(string_agg(concat_ws('|', id, email, name, role, disabled, password_hash), ',' ORDER BY id)) FROM users) AS user_state,
           (SELECT count(*) FROM sessions WHERE revoked_at IS NOT NULL) AS revoked_sessions,
           (SELECT count(*) FROM api_tokens WHERE revoked_at IS NOT NULL) AS revoked_tokens,
           (SELECT count(*) FROM password_setup_tokens WHERE used_at IS NOT NULL) AS used_links,
           (SELECT md5(string_agg(concat_ws('|', uid, version, spec::text), ',' ORDER BY uid)) FROM dashboards) AS dashboards,
           (SELECT count(*) FROM runbook_revisions) AS runbook_revisions,
           (SELECT md5(string_agg(concat_ws('|', id, slug, title, body, tags, team, alert_names, label_matchers, version), ',' ORDER BY id)) FROM runbooks) AS runbook_state,
           (SELECT count(*) FROM query_history) AS query_history,
           (SELECT count(*) FROM acknowledgements) AS acknowledgements,
           (SELECT count(*) FROM acknowledgements WHERE revoked_at IS NOT NULL) AS revoked_acknowledgements,
           (SELECT count(*) FROM acknowledgement_events) AS acknowledgement_events,
           (SELECT count(*) FROM maintenance_windows) AS maintenance_windows,
           (SELECT md5(string_agg(concat_ws('|', id, name, schedule::text, matchers::text, enabled), ',' ORDER BY id)) FROM maintenance_windows) AS window_state,
           (SELECT md5(coalesce(string_agg(concat_ws('|', id, version, spec::text), ',' ORDER BY id), '')) FROM slo_definitions) AS slo_definitions`);
  return row ?? {};
}

async function expectRefused(response: Response, what: string): Promise<void> {
  const text = await response.text();
  expect(response.status, `${what}: ${text.slice(0, 300)}`).toBe(400);
  const body: unknown = JSON.parse(text);
  expect(body).toMatchObject({ error: expect.stringMatching(/\S/), issues: expect.arrayContaining([{ path: expect.any(String), message: expect.stringMatching(/\S/) }]) });
}

/** Runs `attempt` on every generated input and checks that each is refused and changes nothing. */
async function assertAllRefused<T>(inputs: fc.Arbitrary<T>, attempt: (input: T) => Promise<Response>, numRuns = RUNS): Promise<void> {
  await fc.assert(
    fc.asyncProperty(inputs, async (input) => {
      const before = await snapshot();
      await expectRefused(await attempt(input), summarize(input));
      expect(await snapshot()).toEqual(before);
    }),
    { numRuns },
  );
}

function summarize(input: unknown): string {
  const text = input instanceof Uint8Array ? `bytes ${Buffer.from(input).toString("hex").slice(0, 80)}` : JSON.stringify(input);
  return (text ?? String(input)).slice(0, 200);
}

const role = fc.constantFrom(...ROLES);
const email = fc.emailAddress();
const name = fc.string({ minLength: 1, maxLength: 30 });
const notUuid = fc.oneof(fc.string({ maxLength: 60 }), fc.uuid().map((id) => `${id}x`), fc.constant("00000000-0000-0000-0000-00000000000g"), fc.string({ minLength: 500, maxLength: 2000 }));
const notSessionId = fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[0-9A-F]{64}$/), fc.stringMatching(/^[0-9a-f]{63}$/), fc.string({ minLength: 500, maxLength: 2000 }));
const plausibleDashboard = fc.record(
  { uid: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), title: name, tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), panels: fc.constant([]) },
  { requiredKeys: [] },
);
const notDashboardUid = fc.oneof(fc.string({ maxLength: 60 }).filter((uid) => !/^[a-z0-9][a-z0-9-]{0,63}$/.test(uid)), fc.constant("Upper-Case"), fc.string({ minLength: 100, maxLength: 300 }));
const emptyBodyJunk = malformedBodies(emptyBodySchema, { reason: fc.string(), force: fc.boolean() }, { allowEmpty: true });

/** For routes that act on their path: a malformed body with a real id, or a malformed id with or without a body. */
function pathAndBody(validId: string, badId: fc.Arbitrary<string>) {
  return fc.oneof(
    emptyBodyJunk.map((body) => ({ id: validId, body })),
    fc.tuple(badId, fc.option(fc.constantFrom<RawBody>("", "{}"), { nil: undefined })).map(([id, body]) => ({ id, body })),
  );
}

type SlugHandler = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;

function sendSlug(method: string, path: string, handler: SlugHandler, slug: string, body: RawBody | undefined): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json", [PEER_HEADER]: "127.0.0.1", cookie: `${SESSION_COOKIE}=${encodeURIComponent(admin.sessionToken)}` });
  return handler(new Request(`http://console.test${path}`, { method, headers, body }), { params: Promise.resolve({ slug }) });
}

const RUNBOOK_SLUG = "mutation-test-runbook";
const notSlug = fc.oneof(
  fc.string({ maxLength: 60 }).filter((text) => !slugSchema.safeParse(text).success),
  fc.constantFrom("new", "for-alert", "Upper-Case", "a--b", "-a", "a_b", "a b"),
  fc.string({ minLength: 101, maxLength: 400 }),
);
const runbookFields = {
  title: fc.string({ maxLength: 40 }),
  body: fc.string({ maxLength: 200 }),
  tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
  team: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  alertNames: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
  labelMatchers: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
};

const SLO_RUNS = 200;
const SLO_ID = "mutation-test--slo";
const notSloId = fc.oneof(fc.string({ maxLength: 60 }).filter((text) => !/^[a-z0-9][a-z0-9-]{0,200}$/.test(text)), fc.constantFrom("Upper--Case", "a b", "-a"));
const sloSpec = fc.record(
  {
    service: fc.constantFrom("svc", "", "a b"),
    name: fc.constantFrom("slo", "-bad"),
    objective: fc.oneof(fc.double(), fc.constantFrom(99.9, 100, 0)),
    window: fc.constantFrom("30d", "1d", "calendar-month"),
    sli: fc.constantFrom({ ratio: { errors: "x_total", total: "y_total" } }, { latency: { histogram: "h_bucket", le: "x" } }, {}),
    datasource: fc.constantFrom("default", "Bad Name"),
  },
  { requiredKeys: [] },
);

beforeAll(async () => {
  database = await createPrivateDatabase("routes");
  admin = await createPerson("admin");
  target = await createPerson("viewer", "target");
  await db().runbook.create({
    data: { slug: RUNBOOK_SLUG, title: "Mutation test", body: "# Mutation test\n", revisions: { create: { version: 1, title: "Mutation test", body: "# Mutation test\n" } } },
    select: { id: true },
  });
  await db().sloDefinitionRecord.create({
    data: { id: SLO_ID, service: "mutation-test", name: "slo", spec: { service: "mutation-test", name: "slo", objective: 99, sli: { ratio: { errors: "e_total", total: "t_total" } } }, createdByName: "test", updatedByName: "test" },
    select: { id: true },
  });
  ({ id: tokenId } = await createApiToken(db(), { name: "existing", role: "viewer", expiresAt: new Date(Date.now() + 86_400_000), createdById: admin.actor.userId }));
});

afterAll(async () => {
  await database?.drop();
});

const PROPERTY_TIMEOUT = 180_000;

describe("malformed input to every mutation route: 400 with a message, database unchanged", () => {
  it("POST /api/admin/users", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(malformedBodies(inviteUserSchema, { email, name, role }), (body) =>
      send("POST", "/api/admin/users", usersRoute.POST, "", body),
    );
  });

  it("PATCH /api/admin/users/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(updateUserSchema, { role, disabled: fc.boolean() });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ id: target.actor.userId, body })), weight: 4 },
      { arbitrary: fc.tuple(notUuid, fc.constant<RawBody>('{"role":"editor"}')).map(([id, body]) => ({ id, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ id, body }) => send("PATCH", `/api/admin/users/${id}`, userRoute.PATCH, id, body));
  });

  it("DELETE /api/admin/users/[id]/sessions", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(pathAndBody(target.actor.userId, notUuid), ({ id, body }) =>
      send("DELETE", `/api/admin/users/${id}/sessions`, userSessionsRoute.DELETE, id, body),
    );
  });

  it("POST /api/admin/users/[id]/password-link", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(pathAndBody(target.actor.userId, notUuid), ({ id, body }) =>
      send("POST", `/api/admin/users/${id}/password-link`, passwordLinkRoute.POST, id, body),
    );
  });

  it("DELETE /api/admin/sessions/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(pathAndBody(sha256(target.sessionToken), notSessionId), ({ id, body }) =>
      send("DELETE", `/api/admin/sessions/${id}`, sessionRoute.DELETE, id, body),
    );
  });

  it("POST /api/tokens", { timeout: PROPERTY_TIMEOUT }, async () => {
    const days = fc.oneof(fc.integer({ min: 1, max: 365 }), fc.integer(), fc.double());
    await assertAllRefused(malformedBodies(createTokenSchema, { name, role, expiresInDays: days }), (body) =>
      send("POST", "/api/tokens", tokensRoute.POST, "", body),
    );
  });

  it("DELETE /api/tokens/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(pathAndBody(tokenId, notUuid), ({ id, body }) => send("DELETE", `/api/tokens/${id}`, tokenRoute.DELETE, id, body));
  });

  it("POST /api/alerts/test", { timeout: PROPERTY_TIMEOUT }, async () => {
    const labels = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 4 });
    const bodies = malformedBodies(testAlertSchema, {
      labels,
      annotations: labels,
      durationMinutes: fc.oneof(fc.integer(), fc.double()),
      resolve: fc.boolean(),
    });
    await assertAllRefused(bodies, (body) => send("POST", "/api/alerts/test", testAlertRoute.POST, "", body));
  });

  it("POST /api/dashboards", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(malformedBodies(createDashboardBodySchema, { dashboard: plausibleDashboard }), (body) =>
      send("POST", "/api/dashboards", dashboardsRoute.POST, "", body),
    );
  });

  it("PUT /api/dashboards/[uid]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(updateDashboardBodySchema, { dashboard: plausibleDashboard, version: fc.oneof(fc.integer(), fc.double()) });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ uid: "mutation-test", body })), weight: 4 },
      { arbitrary: fc.tuple(notDashboardUid, fc.constant<RawBody>(JSON.stringify({ dashboard: { uid: "x", title: "x" }, version: 1 }))).map(([uid, body]) => ({ uid, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ uid, body }) => sendUid("PUT", `/api/dashboards/${uid}`, dashboardRoute.PUT, uid, body));
  });

  it("DELETE /api/dashboards/[uid]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const inputs = fc.oneof(
      emptyBodyJunk.map((body) => ({ uid: "mutation-test", body })),
      fc.tuple(notDashboardUid, fc.option(fc.constantFrom<RawBody>("", "{}"), { nil: undefined })).map(([uid, body]) => ({ uid, body })),
    );
    await assertAllRefused(inputs, ({ uid, body }) => sendUid("DELETE", `/api/dashboards/${uid}`, dashboardRoute.DELETE, uid, body));
  });

  it("POST /api/dashboards/import (and ?dryRun=1)", { timeout: PROPERTY_TIMEOUT }, async () => {
    const source = fc.oneof(
      fc.constantFrom('{"panels": [', "[]", '{"kind":"Dashboard","metadata":{},"spec":{"panels":{},"layouts":[]}}', '{"title":"x","elements":{},"layout":{}}', "{}"),
      fc.string({ maxLength: 200 }),
    );
    const uid = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/), fc.string({ maxLength: 70 }));
    const bodies = malformedBodies(dashboardImportSchema, { source, uid, title: name });
    await assertAllRefused(fc.tuple(bodies, fc.boolean()), ([body, dryRun]) =>
      send("POST", `/api/dashboards/import${dryRun ? "?dryRun=1" : ""}`, dashboardImportRoute.POST, "", body),
    );
  });

  it("POST /api/dashboards/[uid]/panels", { timeout: PROPERTY_TIMEOUT }, async () => {
    const panel = fc.record({ title: name, expr: fc.string({ maxLength: 40 }), legendFormat: fc.string({ maxLength: 20 }) }, { requiredKeys: [] });
    const bodies = malformedBodies(addPanelSchema, { panel, create: fc.record({ title: name }) });
    const badUid = fc.oneof(fc.string({ maxLength: 70 }).filter((text) => !/^[a-z0-9][a-z0-9-]{0,63}$/.test(text)), fc.constant("Upper"), fc.constant("a".repeat(65)));
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ uid: "property-board", body })), weight: 4 },
      { arbitrary: badUid.map((uid) => ({ uid, body: JSON.stringify({ panel: { title: "t", expr: "up" } }) })), weight: 1 },
    );
    const handler: Handler = (request, context) => dashboardPanelsRoute.POST(request, { params: context.params.then(({ id }) => ({ uid: id })) });
    await assertAllRefused(inputs, ({ uid, body }) => send("POST", `/api/dashboards/${uid}/panels`, handler, uid, body));
  });

  it("POST /api/explore/history", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(malformedBodies(queryHistoryEntrySchema, { expr: fc.string({ maxLength: 40 }) }), (body) =>
      send("POST", "/api/explore/history", exploreHistoryRoute.POST, "", body),
    );
  });

  it("POST /api/acknowledgements", { timeout: PROPERTY_TIMEOUT }, async () => {
    const alert = fc.record({ fingerprint: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ maxLength: 20 })), startsAt: fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string({ maxLength: 30 })) });
    const minutes = fc.oneof(fc.integer(), fc.double());
    const bodies = malformedBodies(acknowledgeSchema, {
      alerts: fc.array(alert, { maxLength: 3 }),
      note: fc.string({ maxLength: 40 }),
      expiresInMinutes: minutes,
      silenceMinutes: minutes,
    });
    await assertAllRefused(bodies, (body) => send("POST", "/api/acknowledgements", acknowledgementsRoute.POST, "", body));
  });

  it("DELETE /api/acknowledgements/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(unacknowledgeSchema, { note: fc.string({ maxLength: 40 }) }, { allowEmpty: true });
    const inputs = fc.oneof(
      bodies.map((body) => ({ id: "00000000-0000-4000-8000-000000000000", body })),
      fc.tuple(notUuid, fc.option(fc.constantFrom<RawBody>("", "{}"), { nil: undefined })).map(([id, body]) => ({ id, body })),
    );
    await assertAllRefused(inputs, ({ id, body }) => send("DELETE", `/api/acknowledgements/${id}`, acknowledgementRoute.DELETE, id, body));
  });

  // Silences: every malformed body is refused before Alertmanager is asked (the id need not exist).
  const silenceMatchers = fc.array(
    fc.record({ name: fc.constantFrom("alertname", "team", "1bad", "", "a b"), operator: fc.constantFrom("=", "!=", "=~", "!~", "==", "~"), value: fc.constantFrom("x", ".*", "(", "", "ml.*") }, { requiredKeys: [] }),
    { maxLength: 4 },
  );
  const instant = fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string({ maxLength: 30 }));
  const silenceBodies = malformedBodies(silenceBodySchema, { matchers: silenceMatchers, startsAt: instant, endsAt: instant, comment: fc.string({ maxLength: 20 }) });
  const silenceId = "8b5c2f0e-4a51-4f3e-9d67-2f6c3a1b9e10";

  it("POST /api/silences", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(silenceBodies, (body) => send("POST", "/api/silences", silencesRoute.POST, "", body));
  });

  it("PUT /api/silences/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const inputs = fc.oneof(
      { arbitrary: silenceBodies.map((body) => ({ id: silenceId, body })), weight: 4 },
      { arbitrary: notUuid.map((id) => ({ id, body: "{}" as RawBody })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ id, body }) => send("PUT", `/api/silences/${id}`, silenceRoute.PUT, id, body));
  });

  it("DELETE /api/silences/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(pathAndBody(silenceId, notUuid), ({ id, body }) => send("DELETE", `/api/silences/${id}`, silenceRoute.DELETE, id, body));
  });

  const windowBodies = malformedBodies(maintenanceWindowBodySchema, {
    name,
    schedule: fc.oneof(
      fc.record({ kind: fc.constant("weekly"), days: fc.array(fc.integer({ min: -1, max: 8 }), { maxLength: 3 }), time: fc.constantFrom("02:00", "25:00", "2am") }),
      fc.record({ kind: fc.constant("cron"), expression: fc.constantFrom("0 2 * * 6", "0 2 * *", "* * * * *", "bad") }),
    ),
    durationMinutes: fc.oneof(fc.integer(), fc.double()),
    timezone: fc.constantFrom("UTC", "Europe/Paris", "Mars/Olympus", ""),
    matchers: silenceMatchers,
    comment: fc.string({ maxLength: 20 }),
    enabled: fc.boolean(),
  });

  it("POST /api/maintenance-windows", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(windowBodies, (body) => send("POST", "/api/maintenance-windows", maintenanceWindowsRoute.POST, "", body));
  });

  it("PUT /api/maintenance-windows/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const inputs = fc.oneof(
      { arbitrary: windowBodies.map((body) => ({ id: silenceId, body })), weight: 4 },
      { arbitrary: notUuid.map((id) => ({ id, body: "{}" as RawBody })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ id, body }) => send("PUT", `/api/maintenance-windows/${id}`, maintenanceWindowRoute.PUT, id, body));
  });

  it("DELETE /api/maintenance-windows/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(pathAndBody(silenceId, notUuid), ({ id, body }) =>
      send("DELETE", `/api/maintenance-windows/${id}`, maintenanceWindowRoute.DELETE, id, body),
    );
  });

  it("POST /api/runbooks", { timeout: PROPERTY_TIMEOUT }, async () => {
    const slug = fc.oneof(fc.constant(RUNBOOK_SLUG), fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/), fc.string({ maxLength: 20 }));
    await assertAllRefused(malformedBodies(createRunbookSchema, { slug, ...runbookFields }), (body) => send("POST", "/api/runbooks", runbooksRoute.POST, "", body));
  });

  it("PATCH /api/runbooks/[slug]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(updateRunbookSchema, { version: fc.oneof(fc.integer(), fc.double()), ...runbookFields });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ slug: RUNBOOK_SLUG, body })), weight: 4 },
      { arbitrary: fc.tuple(notSlug, fc.constant<RawBody>('{"version":1,"title":"x","body":""}')).map(([slug, body]) => ({ slug, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ slug, body }) => sendSlug("PATCH", `/api/runbooks/${slug}`, runbookRoute.PATCH, slug, body));
  });

  it("DELETE /api/runbooks/[slug]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(deleteRunbookSchema, { version: fc.oneof(fc.integer(), fc.double()) }, { allowEmpty: true });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ slug: RUNBOOK_SLUG, body })), weight: 4 },
      { arbitrary: fc.tuple(notSlug, fc.option(fc.constantFrom<RawBody>("", "{}"), { nil: undefined })).map(([slug, body]) => ({ slug, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ slug, body }) => sendSlug("DELETE", `/api/runbooks/${slug}`, runbookRoute.DELETE, slug, body));
  });

  it("POST /api/runbooks/[slug]/restore", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(restoreRunbookSchema, { revision: fc.oneof(fc.integer(), fc.double()), version: fc.oneof(fc.integer(), fc.double()) });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ slug: RUNBOOK_SLUG, body })), weight: 4 },
      { arbitrary: fc.tuple(notSlug, fc.constant<RawBody>('{"revision":1,"version":1}')).map(([slug, body]) => ({ slug, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ slug, body }) => sendSlug("POST", `/api/runbooks/${slug}/restore`, runbookRestoreRoute.POST, slug, body));
  });

  it("POST /api/cost/budgets", { timeout: PROPERTY_TIMEOUT }, async () => {
    const usd = fc.oneof(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.integer(), fc.double());
    await assertAllRefused(malformedBodies(budgetSchema, { tenant: name, team: fc.option(name), monthlyUsd: usd }), (body) =>
      send("POST", "/api/cost/budgets", budgetsRoute.POST, "", body),
    );
  });

  it("DELETE /api/cost/budgets/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const { id } = await db().tenantBudget.upsert({ where: { tenant: "it-budget" }, create: { tenant: "it-budget", monthlyUsd: 10 }, update: {}, select: { id: true } });
    await assertAllRefused(pathAndBody(id, notUuid), ({ id: path, body }) => send("DELETE", `/api/cost/budgets/${path}`, budgetRoute.DELETE, path, body));
  });

  it("POST /api/cost/prices", { timeout: PROPERTY_TIMEOUT }, async () => {
    const usd = fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.integer(), fc.double());
    const kind = fc.constantFrom("api", "self_hosted");
    await assertAllRefused(malformedBodies(modelPriceSchema, { model: name, kind, inputUsdPer1k: usd, outputUsdPer1k: usd }), (body) =>
      send("POST", "/api/cost/prices", pricesRoute.POST, "", body),
    );
  });

  it("DELETE /api/cost/prices/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const { id } = await db().modelPrice.upsert({
      where: { model: "it-model" },
      create: { model: "it-model", kind: "api", inputUsdPer1k: 1, outputUsdPer1k: 2 },
      update: {},
      select: { id: true },
    });
    await assertAllRefused(pathAndBody(id, notUuid), ({ id: path, body }) => send("DELETE", `/api/cost/prices/${path}`, priceRoute.DELETE, path, body));
  });

  // SLOs: fewer runs than the others (the bodies share the spec schema the unit tests cover).
  it("POST /api/slos", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(malformedBodies(createSloBodySchema, { spec: sloSpec }), (body) => send("POST", "/api/slos", slosRoute.POST, "", body), SLO_RUNS);
  });

  it("PUT /api/slos/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(updateSloBodySchema, { version: fc.oneof(fc.integer(), fc.double()), spec: sloSpec });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ id: SLO_ID, body })), weight: 4 },
      { arbitrary: fc.tuple(notSloId, fc.constant<RawBody>('{"version":1,"spec":{}}')).map(([id, body]) => ({ id, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ id, body }) => send("PUT", `/api/slos/${id}`, sloRoute.PUT, id, body), SLO_RUNS);
  });

  it("DELETE /api/slos/[id]", { timeout: PROPERTY_TIMEOUT }, async () => {
    const bodies = malformedBodies(deleteSloBodySchema, { version: fc.oneof(fc.integer(), fc.double()) }, { allowEmpty: true });
    const inputs = fc.oneof(
      { arbitrary: bodies.map((body) => ({ id: SLO_ID, body })), weight: 4 },
      { arbitrary: fc.tuple(notSloId, fc.option(fc.constantFrom<RawBody>("", "{}"), { nil: undefined })).map(([id, body]) => ({ id, body })), weight: 1 },
    );
    await assertAllRefused(inputs, ({ id, body }) => send("DELETE", `/api/slos/${id}`, sloRoute.DELETE, id, body), SLO_RUNS);
  });

  it("POST /api/slos/preview", { timeout: PROPERTY_TIMEOUT }, async () => {
    await assertAllRefused(malformedBodies(previewSloBodySchema, { spec: sloSpec }), (body) => send("POST", "/api/slos/preview", sloPreviewRoute.POST, "", body), SLO_RUNS);
  });

  it("POST /api/auth/set-password (signed out)", { timeout: PROPERTY_TIMEOUT }, async () => {
    const token = fc.oneof(fc.stringMatching(/^vgp_[A-Za-z0-9_-]{43}$/), fc.string({ maxLength: 60 }));
    const password = fc.string({ minLength: 0, maxLength: 40 });
    await assertAllRefused(malformedBodies(setPasswordSchema, { token, password, confirm: password }), (body) =>
      send("POST", "/api/auth/set-password", setPasswordRoute.POST, "", body, false),
    );
  });
});

describe("coverage", () => {
  it("includes every mutation route in ROUTE_POLICY", () => {
    const mutations = Object.entries(ROUTE_POLICY).flatMap(([route, methods]) =>
      Object.keys(methods)
        .filter((method) => method !== "GET")
        .map((method) => `${method} ${route}`),
    );
    // Sign-out takes no body; every other mutation must have a property test above.
    const covered = [
      "POST /api/admin/users",
      "PATCH /api/admin/users/[id]",
      "DELETE /api/admin/users/[id]/sessions",
      "POST /api/admin/users/[id]/password-link",
      "DELETE /api/admin/sessions/[id]",
      "POST /api/tokens",
      "DELETE /api/tokens/[id]",
      "POST /api/alerts/test",
      "POST /api/auth/set-password",
      "POST /api/auth/sign-out",
      "POST /api/cost/budgets",
      "DELETE /api/cost/budgets/[id]",
      "POST /api/cost/prices",
      "DELETE /api/cost/prices/[id]",
      "POST /api/runbooks",
      "PATCH /api/runbooks/[slug]",
      "DELETE /api/runbooks/[slug]",
      "POST /api/runbooks/[slug]/restore",
      "POST /api/silences",
      "PUT /api/silences/[id]",
      "DELETE /api/silences/[id]",
      "POST /api/maintenance-windows",
      "PUT /api/maintenance-windows/[id]",
      "DELETE /api/maintenance-windows/[id]",
      "POST /api/acknowledgements",
      "DELETE /api/acknowledgements/[id]",
      "POST /api/dashboards/import",
      "POST /api/dashboards/[uid]/panels",
      "POST /api/explore/history",
      "POST /api/dashboards",
      "PUT /api/dashboards/[uid]",
      "DELETE /api/dashboards/[uid]",
      "POST /api/slos",
      "PUT /api/slos/[id]",
      "DELETE /api/slos/[id]",
      "POST /api/slos/preview",
    ];
    expect(mutations.filter((mutation) => !covered.includes(mutation))).toEqual([]);
  });
});

describe("the same harness accepts well-formed requests", () => {
  it("so the refusals above are about the input, not the session or the setup", async () => {
    const before = await snapshot();
    const invited = await send("POST", "/api/admin/users", usersRoute.POST, "", JSON.stringify({ email: "ok@it.vigil.local", name: "OK", role: "viewer" }));
    expect(invited.status).toBe(201);
    const patched = await send("PATCH", "", userRoute.PATCH, target.actor.userId, JSON.stringify({ role: "responder" }));
    expect(patched.status).toBe(200);
    const revoked = await send("DELETE", "", sessionRoute.DELETE, sha256(target.sessionToken), undefined);
    expect(revoked.status).toBe(200);
    const token = await send("POST", "/api/tokens", tokensRoute.POST, "", JSON.stringify({ name: "ok", role: "viewer", expiresInDays: 3 }));
    expect(token.status).toBe(201);
    expect(await send("DELETE", "", tokenRoute.DELETE, tokenId, "{}")).toHaveProperty("status", 200);
    expect(await send("POST", "", passwordLinkRoute.POST, target.actor.userId, undefined)).toHaveProperty("status", 201);
    expect(await send("DELETE", "", userSessionsRoute.DELETE, target.actor.userId, "")).toHaveProperty("status", 200);
    const window = await send(
      "POST",
      "/api/maintenance-windows",
      maintenanceWindowsRoute.POST,
      "",
      JSON.stringify({ name: "ok", schedule: { kind: "weekly", days: [6], time: "02:00" }, durationMinutes: 60, timezone: "UTC", matchers: [{ name: "team", operator: "=", value: "ml" }], comment: "ok" }),
    );
    expect(window.status).toBe(201);
    expect(await send("POST", "/api/cost/budgets", budgetsRoute.POST, "", JSON.stringify({ tenant: "ok", monthlyUsd: 100 }))).toHaveProperty("status", 200);
    expect(await send("POST", "/api/cost/prices", pricesRoute.POST, "", JSON.stringify({ model: "ok", kind: "api", inputUsdPer1k: 0.1, outputUsdPer1k: 0.2 }))).toHaveProperty("status", 200);
    expect(await snapshot()).not.toEqual(before);
    expect(await send("DELETE", "", budgetRoute.DELETE, "00000000-0000-4000-8000-000000000000", undefined)).toHaveProperty("status", 404);
    const runbook = await send("POST", "/api/runbooks", runbooksRoute.POST, "", JSON.stringify({ slug: "harness-ok", title: "OK", body: "ok" }));
    expect(runbook.status).toBe(201);
    expect(await sendSlug("PATCH", "", runbookRoute.PATCH, "harness-ok", JSON.stringify({ version: 1, title: "OK", body: "changed" }))).toHaveProperty("status", 200);
    expect(await sendSlug("PATCH", "", runbookRoute.PATCH, "harness-ok", JSON.stringify({ version: 1, title: "OK", body: "stale" }))).toHaveProperty("status", 409);
    expect(await sendSlug("POST", "", runbookRestoreRoute.POST, "harness-ok", JSON.stringify({ revision: 1, version: 2 }))).toHaveProperty("status", 200);
    expect(await sendSlug("DELETE", "", runbookRoute.DELETE, "harness-ok", JSON.stringify({ version: 3 }))).toHaveProperty("status", 200);
    expect(await sendSlug("DELETE", "", runbookRoute.DELETE, "harness-ok", undefined)).toHaveProperty("status", 404);
    // Unknown but well-formed ids are 404s, not 400s.
    expect(await send("DELETE", "", tokenRoute.DELETE, "00000000-0000-4000-8000-000000000000", undefined)).toHaveProperty("status", 404);
  });
});
