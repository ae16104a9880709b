import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

// Settings are read once, on first use: point them at the test database before anything reads them.
const testDatabase = process.env.VIGIL_TEST_DATABASE_URL;
if (!testDatabase) throw new Error("VIGIL_TEST_DATABASE_URL is not set: the integration project's global setup provides it");
process.env.DATABASE_URL = testDatabase;

const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { authenticate } = await import("./authenticate");
const { actorFromSession, createSession, revokeSession } = await import("./sessions");
const { sha256 } = await import("./secrets");

const run = randomBytes(4).toString("hex");
const emailSuffix = `-${run}@sessions.vigil.test`;

async function newUser(label: string): Promise<string> {
  const user = await db().user.create({
    data: { email: `${label}${emailSuffix}`, name: `Session test ${label}`, role: "editor" },
    select: { id: true },
  });
  return user.id;
}

function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

afterAll(async () => {
  // Sessions go with their users (ON DELETE CASCADE).
  await db().user.deleteMany({ where: { email: { endsWith: emailSuffix } } });
});

describe("sessions against Postgres", () => {
  it("a fresh session authenticates as its user, and only its hash is stored", async () => {
    const userId = await newUser("fresh");
    const { token, expiresAt } = await createSession(userId, { address: "203.0.113.7", userAgent: "vitest" });
    expect(token).toMatch(/^vgs_/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());

    expect(await actorFromSession(token)).toEqual({
      type: "user",
      id: userId,
      userId,
      name: "Session test fresh",
      email: `fresh${emailSuffix}`,
      role: "editor",
      via: "session",
    });
    expect(await authenticate({ sessionToken: token })).toMatchObject({ id: userId, via: "session" });

    const stored = await db().session.findMany({ where: { userId }, select: { id: true, address: true } });
    expect(stored).toEqual([{ id: sha256(token), address: "203.0.113.7" }]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("an unknown token does not authenticate", async () => {
    expect(await actorFromSession(`vgs_${randomBytes(32).toString("base64url")}`)).toBeUndefined();
  });

  it("a session unused for longer than VIGIL_SESSION_IDLE_MINUTES ends; one used just within it goes on", async () => {
    const idle = env().VIGIL_SESSION_IDLE_MINUTES;
    const userId = await newUser("idle");
    const stale = await createSession(userId, {});
    const recent = await createSession(userId, {});
    await db().session.update({ where: { id: sha256(stale.token) }, data: { lastSeenAt: minutesAgo(idle + 1) } });
    await db().session.update({ where: { id: sha256(recent.token) }, data: { lastSeenAt: minutesAgo(idle - 1) } });

    expect(await actorFromSession(stale.token)).toBeUndefined();
    expect(await actorFromSession(recent.token)).toMatchObject({ id: userId });
    // Using it moved its last-seen time forward, so it is not about to go idle any more.
    const touched = await db().session.findUniqueOrThrow({ where: { id: sha256(recent.token) }, select: { lastSeenAt: true } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it("a session past its absolute end does not authenticate, however recently used", async () => {
    const userId = await newUser("expired");
    const { token } = await createSession(userId, {});
    await db().session.update({ where: { id: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1_000), lastSeenAt: new Date() } });
    expect(await actorFromSession(token)).toBeUndefined();
  });

  it("a revoked session does not authenticate", async () => {
    const userId = await newUser("revoked");
    const { token } = await createSession(userId, {});
    expect(await actorFromSession(token)).toBeDefined();
    await revokeSession(token);
    expect(await actorFromSession(token)).toBeUndefined();
    expect(await authenticate({ sessionToken: token })).toBeUndefined();
    const row = await db().session.findUniqueOrThrow({ where: { id: sha256(token) }, select: { revokedAt: true } });
    expect(row.revokedAt).toBeInstanceOf(Date);
  });

  it("a disabled user's session does not authenticate", async () => {
    const userId = await newUser("disabled");
    const { token } = await createSession(userId, {});
    expect(await actorFromSession(token)).toBeDefined();
    await db().user.update({ where: { id: userId }, data: { disabled: true } });
    expect(await actorFromSession(token)).toBeUndefined();
  });

  it("a role change applies to existing sessions at once", async () => {
    const userId = await newUser("demoted");
    const { token } = await createSession(userId, {});
    await db().user.update({ where: { id: userId }, data: { role: "viewer" } });
    expect(await actorFromSession(token)).toMatchObject({ role: "viewer" });
  });
});
