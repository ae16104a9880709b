import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

// Reverse-proxy mode is configured at start-up, and settings are read once, on first use: set
// them before anything reads them. (Vitest runs each test file in a process of its own.)
const testDatabase = process.env.VIGIL_TEST_DATABASE_URL;
if (!testDatabase) throw new Error("VIGIL_TEST_DATABASE_URL is not set: the integration project's global setup provides it");
Object.assign(process.env, {
  DATABASE_URL: testDatabase,
  VIGIL_TRUSTED_PROXIES: "127.0.0.1",
  VIGIL_ROLE_GROUPS: "admin=vigil-admins;editor=ml-platform;responder=oncall",
  VIGIL_DEFAULT_ROLE: "viewer",
});

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { authenticate, clientAddress } = await import("./authenticate");
const { cookieReader, credentialsFrom, PEER_HEADER } = await import("./request-meta");
const { SESSION_COOKIE } = await import("./session-cookie");
const { createSession } = await import("./sessions");

const run = randomBytes(4).toString("hex");
const emailSuffix = `-${run}@proxy.vigil.test`;

/** Credentials as a route handler reads them from a request's headers. */
function fromHeaders(headers: Record<string, string>) {
  return credentialsFrom(new Headers(headers), cookieReader(headers.cookie ?? null));
}

function storedUser(email: string) {
  return db().user.findUnique({ where: { email }, select: { role: true, name: true, passwordHash: true } });
}

afterAll(async () => {
  await db().user.deleteMany({ where: { email: { endsWith: emailSuffix } } });
});

describe("reverse-proxy mode against Postgres", () => {
  it("has the settings this file set", () => {
    expect(env().VIGIL_TRUSTED_PROXIES).toEqual(["127.0.0.1"]);
  });

  it("a trusted proxy's X-Forwarded-Email and -Groups sign a person in, creating them with the mapped role", async () => {
    const email = `new${emailSuffix}`;
    const actor = await authenticate(
      fromHeaders({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-email": email.toUpperCase(), "x-forwarded-groups": "staff, oncall" }),
    );
    expect(actor).toMatchObject({ type: "user", email, role: "responder", via: "proxy" });
    expect(await storedUser(email)).toEqual({ role: "responder", name: email, passwordHash: null });
  });

  it("follows the person's groups on every request, up and down", async () => {
    const email = `moving${emailSuffix}`;
    const as = (groups: string) =>
      authenticate(fromHeaders({ [PEER_HEADER]: "::ffff:127.0.0.1", "x-forwarded-email": email, "x-forwarded-groups": groups, "x-forwarded-user": "Mo Ving" }));

    expect(await as("oncall")).toMatchObject({ role: "responder", name: "Mo Ving" });
    expect(await as("oncall,vigil-admins")).toMatchObject({ role: "admin" });
    expect(await storedUser(email)).toMatchObject({ role: "admin", name: "Mo Ving" });
    // Matching no group falls back to VIGIL_DEFAULT_ROLE.
    expect(await as("marketing")).toMatchObject({ role: "viewer" });
    expect(await storedUser(email)).toMatchObject({ role: "viewer" });
  });

  it("ignores the same headers from a peer that is not a trusted proxy, and creates nobody", async () => {
    const email = `forged${emailSuffix}`;
    const forged = { "x-forwarded-email": email, "x-forwarded-groups": "vigil-admins", "x-forwarded-for": "127.0.0.1" };
    expect(await authenticate(fromHeaders({ [PEER_HEADER]: "10.20.30.40", ...forged }))).toBeUndefined();
    expect(await storedUser(email)).toBeNull();
  });

  it("treats a request without the peer header as untrusted", async () => {
    const email = `nopeer${emailSuffix}`;
    expect(await authenticate(fromHeaders({ "x-forwarded-email": email, "x-forwarded-groups": "vigil-admins" }))).toBeUndefined();
    expect(await storedUser(email)).toBeNull();
  });

  it("refuses a disabled person even when the proxy vouches for them", async () => {
    const email = `disabled${emailSuffix}`;
    await db().user.create({ data: { email, name: "Disabled", role: "admin", disabled: true } });
    expect(await authenticate(fromHeaders({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-email": email, "x-forwarded-groups": "vigil-admins" }))).toBeUndefined();
  });

  it("without identity headers, a request through the trusted proxy still signs in with its session cookie", async () => {
    const email = `cookie${emailSuffix}`;
    const { id } = await db().user.create({ data: { email, name: "Cookie", role: "editor" }, select: { id: true } });
    const { token } = await createSession(id, {});
    const actor = await authenticate(fromHeaders({ [PEER_HEADER]: "127.0.0.1", cookie: `${SESSION_COOKIE}=${token}` }));
    expect(actor).toMatchObject({ id, role: "editor", via: "session" });
  });

  it("believes X-Forwarded-For only from the trusted proxy", () => {
    expect(clientAddress(fromHeaders({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.9, 10.0.0.1" }))).toBe("198.51.100.9");
    expect(clientAddress(fromHeaders({ [PEER_HEADER]: "10.20.30.40", "x-forwarded-for": "198.51.100.9" }))).toBe("10.20.30.40");
    expect(clientAddress(fromHeaders({ "x-forwarded-for": "198.51.100.9" }))).toBeNull();
  });
});
