import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromToken, TOKEN_PREFIX } from "@/lib/auth/api-tokens";
import { sha256 } from "@/lib/auth/secrets";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { createToken, listApiTokens, revokeToken } from "./api-tokens";
import { updateUser } from "./users";

let database: PrivateDatabase;
let admin: TestPerson;
let responder: TestPerson;
let viewer: TestPerson;

beforeAll(async () => {
  database = await createPrivateDatabase("tokens");
  admin = await createPerson("admin");
  responder = await createPerson("responder");
  viewer = await createPerson("viewer");
});

afterAll(async () => {
  await database?.drop();
});

describe("token role capping", () => {
  it("refuses a role above the creator's own with 403, and changes nothing", async () => {
    const before = await db().apiToken.count();
    for (const role of ["editor", "admin"] as const) {
      await expect(createToken(responder.actor, { name: "too high", role, expiresInDays: 30 }, null)).rejects.toThrow(ForbiddenError);
    }
    await expect(createToken(viewer.actor, { name: "too high", role: "responder", expiresInDays: 30 }, null)).rejects.toThrow(
      /Your role \(viewer\) cannot create a token with the role responder/,
    );
    expect(await db().apiToken.count()).toBe(before);
    expect(await db().auditEvent.count({ where: { action: "token.create" } })).toBe(0);
  });

  it("creates a token at or below the creator's role; only its hash and prefix are stored", async () => {
    const { token, secret } = await createToken(responder.actor, { name: "deploy pipeline", role: "responder", expiresInDays: 30 }, "10.1.1.1");
    expect(secret.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(secret.length).toBeGreaterThan(40);
    expect(token).toMatchObject({ name: "deploy pipeline", role: "responder", prefix: secret.slice(0, 12), revokedAt: null, lastUsedAt: null });
    expect(Date.parse(token.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { tokenHash: true } });
    expect(stored.tokenHash).toBe(sha256(secret));
    const [audit] = await db().auditEvent.findMany({ where: { targetId: token.id }, select: { action: true, after: true, requestAddress: true } });
    expect(audit).toMatchObject({ action: "token.create", requestAddress: "10.1.1.1" });
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(await actorFromToken(secret)).toMatchObject({ type: "token", role: "responder", userId: responder.actor.userId });

    const lower = await createToken(responder.actor, { name: "read only", role: "viewer", expiresInDays: 1 }, null);
    expect(await actorFromToken(lower.secret)).toMatchObject({ role: "viewer" });
  });

  it("acts with the creator's current role once the creator is demoted, and not at all once disabled", async () => {
    const person = await createPerson("editor", "demoted");
    const { secret } = await createToken(person.actor, { name: "editor token", role: "editor", expiresInDays: 7 }, null);
    await updateUser(admin.actor, person.actor.userId, { role: "viewer" }, null);
    expect(await actorFromToken(secret)).toMatchObject({ role: "viewer" });
    await updateUser(admin.actor, person.actor.userId, { disabled: true }, null);
    expect(await actorFromToken(secret)).toBeUndefined();
  });

  it("does not let a token create tokens", async () => {
    const { secret } = await createToken(admin.actor, { name: "automation", role: "admin", expiresInDays: 1 }, null);
    const tokenActor = await actorFromToken(secret);
    if (!tokenActor) throw new Error("the new token does not authenticate");
    await expect(createToken(tokenActor, { name: "longer lived", role: "viewer", expiresInDays: 365 }, null)).rejects.toThrow(/cannot create tokens/);
  });
});

describe("revoking", () => {
  it("lets the owner and admins revoke, nobody else, and only once", async () => {
    const { token, secret } = await createToken(responder.actor, { name: "to revoke", role: "viewer", expiresInDays: 5 }, null);
    await expect(revokeToken(viewer.actor, token.id, null)).rejects.toThrow(ForbiddenError);
    const revoked = await revokeToken(responder.actor, token.id, "10.1.1.2");
    expect(revoked.revokedAt).not.toBeNull();
    expect(await actorFromToken(secret)).toBeUndefined();
    await expect(revokeToken(admin.actor, token.id, null)).rejects.toThrow(ConflictError);

    const other = await createToken(responder.actor, { name: "admin revokes", role: "viewer", expiresInDays: 5 }, null);
    await revokeToken(admin.actor, other.token.id, null);
    expect(await db().auditEvent.findMany({ where: { targetId: other.token.id }, select: { action: true, actorId: true } })).toEqual([
      { action: "token.create", actorId: responder.actor.userId },
      { action: "token.revoke", actorId: admin.actor.userId },
    ]);
  });

  it("lists a person's own tokens, or everyone's", async () => {
    const mine = await listApiTokens({ ownerId: responder.actor.userId });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((token) => token.owner.id === responder.actor.userId)).toBe(true);
    expect((await listApiTokens("all")).length).toBeGreaterThan(mine.length);
    expect(JSON.stringify(mine)).not.toMatch(/tokenHash|token_hash/);
  });
});

describe("the change and its audit event are one transaction", () => {
  it("keeps no token when its audit insert fails", async () => {
    await database.query(`
      CREATE FUNCTION it_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'integration test: refusing the audit row for %', NEW.target_id; END $$;
      CREATE TRIGGER it_refuse_audit AFTER INSERT ON audit_events
        FOR EACH ROW WHEN (NEW.after->>'name' = 'refuse-audit') EXECUTE FUNCTION it_refuse_audit();`);
    const tokens = await db().apiToken.count();
    const events = await db().auditEvent.count();
    await expect(createToken(responder.actor, { name: "refuse-audit", role: "viewer", expiresInDays: 5 }, null)).rejects.toThrow(/refusing the audit row/);
    expect(await db().apiToken.count()).toBe(tokens);
    expect(await db().apiToken.count({ where: { name: "refuse-audit" } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(events);
  });

  it("keeps no revocation when the commit fails after the audit insert", async () => {
    const { token, secret } = await createToken(responder.actor, { name: "refuse-revoke", role: "viewer", expiresInDays: 5 }, null);
    await database.query(`
      CREATE FUNCTION it_refuse_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'integration test: refusing to commit the revocation of %', NEW.name; END $$;
      CREATE CONSTRAINT TRIGGER it_refuse_revoke AFTER UPDATE ON api_tokens
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.name = 'refuse-revoke' AND NEW.revoked_at IS NOT NULL)
        EXECUTE FUNCTION it_refuse_revoke();`);
    await expect(revokeToken(responder.actor, token.id, null)).rejects.toThrow(/refusing to commit/);
    expect(await actorFromToken(secret)).toMatchObject({ role: "viewer" });
    expect(await db().auditEvent.count({ where: { targetId: token.id, action: "token.revoke" } })).toBe(0);
  });
});
