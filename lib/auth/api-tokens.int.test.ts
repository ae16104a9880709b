import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Role } from "./roles";

// Settings are read once, on first use: point them at the test database before anything reads them.
const testDatabase = process.env.VIGIL_TEST_DATABASE_URL;
if (!testDatabase) throw new Error("VIGIL_TEST_DATABASE_URL is not set: the integration project's global setup provides it");
process.env.DATABASE_URL = testDatabase;

const { db } = await import("@/lib/db");
const { AuthenticationError, ForbiddenError } = await import("@/lib/errors");
const { actorFromToken, TOKEN_PREFIX } = await import("./api-tokens");
const { authenticate } = await import("./authenticate");
const { authorize } = await import("./guard");
const { createSession } = await import("./sessions");
const { newSecret, sha256 } = await import("./secrets");

const run = randomBytes(4).toString("hex");
const emailSuffix = `-${run}@tokens.vigil.test`;
const HOUR = 3_600_000;

async function newUser(label: string, role: Role): Promise<string> {
  const user = await db().user.create({ data: { email: `${label}${emailSuffix}`, name: `Token test ${label}`, role }, select: { id: true } });
  return user.id;
}

/** Writes a token as the token routes would: only its hash is stored. */
async function newToken(createdById: string, role: Role, options: { expiresAt?: Date; revokedAt?: Date } = {}): Promise<{ id: string; secret: string }> {
  const secret = newSecret(TOKEN_PREFIX);
  const { id } = await db().apiToken.create({
    data: {
      name: `token ${run}`,
      tokenHash: sha256(secret),
      prefix: secret.slice(0, 12),
      role,
      createdById,
      expiresAt: options.expiresAt ?? new Date(Date.now() + HOUR),
      revokedAt: options.revokedAt ?? null,
    },
    select: { id: true },
  });
  return { id, secret };
}

afterAll(async () => {
  // Tokens and sessions go with their creators (ON DELETE CASCADE).
  await db().user.deleteMany({ where: { email: { endsWith: emailSuffix } } });
});

describe("API tokens against Postgres", () => {
  it("a valid token acts with its own role for its creator, and records its use", async () => {
    const creator = await newUser("creator", "editor");
    const token = await newToken(creator, "responder");
    const expected = { type: "token", id: token.id, userId: creator, name: `token ${run} (token)`, role: "responder", via: "token" };
    expect(await actorFromToken(token.secret)).toEqual(expected);
    expect(await authenticate({ authorization: `Bearer ${token.secret}` })).toEqual(expected);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { lastUsedAt: true } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("a string without the token prefix, or an unknown token, is refused", async () => {
    const creator = await newUser("prefix", "viewer");
    const token = await newToken(creator, "viewer");
    expect(await actorFromToken(token.secret.slice(TOKEN_PREFIX.length))).toBeUndefined();
    expect(await actorFromToken(newSecret(TOKEN_PREFIX))).toBeUndefined();
  });

  it("an expired token is refused with a 401", async () => {
    const creator = await newUser("expired", "admin");
    const token = await newToken(creator, "admin", { expiresAt: new Date(Date.now() - 1_000) });
    expect(await actorFromToken(token.secret)).toBeUndefined();
    await expect(authorize({ authorization: `Bearer ${token.secret}` }, "viewer", "GET /test")).rejects.toThrow(AuthenticationError);
    await expect(authorize({ authorization: `Bearer ${token.secret}` }, "viewer", "GET /test")).rejects.toThrow(/expired or was revoked/);
  });

  it("a revoked token is refused with a 401", async () => {
    const creator = await newUser("revoked", "admin");
    const token = await newToken(creator, "admin", { revokedAt: new Date() });
    expect(await actorFromToken(token.secret)).toBeUndefined();
    await expect(authorize({ authorization: `Bearer ${token.secret}` }, "viewer", "GET /test")).rejects.toThrow(AuthenticationError);
  });

  it("a token whose creator was demoted acts with the creator's lower role", async () => {
    const creator = await newUser("demoted", "admin");
    const token = await newToken(creator, "admin");
    const credentials = { authorization: `Bearer ${token.secret}` };
    expect(await authorize(credentials, "admin", "DELETE /test")).toMatchObject({ role: "admin" });

    await db().user.update({ where: { id: creator }, data: { role: "responder" } });
    expect(await actorFromToken(token.secret)).toMatchObject({ role: "responder" });
    expect(await authorize(credentials, "responder", "POST /test")).toMatchObject({ role: "responder" });
    await expect(authorize(credentials, "editor", "PUT /test")).rejects.toThrow(ForbiddenError);
    await expect(authorize(credentials, "editor", "PUT /test")).rejects.toThrow(/needs editor or higher/);
    // The refusal is in the audit log, naming the token.
    const denial = await db().auditEvent.findFirst({
      where: { action: "auth.denied", actorId: token.id, targetId: "PUT /test" },
      select: { actorType: true, after: true },
    });
    expect(denial).toEqual({ actorType: "token", after: { role: "responder", required: "editor" } });
  });

  it("a token whose creator is disabled is refused", async () => {
    const creator = await newUser("disabled", "editor");
    const token = await newToken(creator, "viewer");
    expect(await actorFromToken(token.secret)).toBeDefined();
    await db().user.update({ where: { id: creator }, data: { disabled: true } });
    expect(await actorFromToken(token.secret)).toBeUndefined();
    await expect(authorize({ authorization: `Bearer ${token.secret}` }, "viewer", "GET /test")).rejects.toThrow(AuthenticationError);
  });

  it("a bad bearer token never falls back to the session cookie sent with it", async () => {
    // The CSRF check lets bearer requests through, so a cookie must not be able to ride along.
    const person = await newUser("fallback", "admin");
    const { token: sessionToken } = await createSession(person, {});
    expect(await authenticate({ sessionToken })).toMatchObject({ id: person });
    expect(await authenticate({ authorization: `Bearer ${newSecret(TOKEN_PREFIX)}`, sessionToken })).toBeUndefined();
  });
});
