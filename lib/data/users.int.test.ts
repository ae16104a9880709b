import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFromSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { passwordLinkStatus, setPasswordWithLink } from "./password-links";
import { inviteUser, issuePasswordLink, listUsers, revokeUserSessions, updateUser } from "./users";

let database: PrivateDatabase;
let alice: TestPerson;
let bob: TestPerson;

function auditFor(targetId: string) {
  return db().auditEvent.findMany({ where: { targetId }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
}

beforeAll(async () => {
  database = await createPrivateDatabase("users");
  alice = await createPerson("admin", "alice");
  bob = await createPerson("admin", "bob");
});

afterAll(async () => {
  await database?.drop();
});

describe("last-admin protection", () => {
  it("refuses to let an admin demote or disable themself", async () => {
    await expect(updateUser(alice.actor, alice.actor.userId, { role: "editor" }, null)).rejects.toThrow(ConflictError);
    await expect(updateUser(alice.actor, alice.actor.userId, { disabled: true }, null)).rejects.toThrow(/cannot disable yourself/);
    expect(await db().user.findUnique({ where: { id: alice.actor.userId }, select: { role: true, disabled: true } })).toEqual({ role: "admin", disabled: false });
    expect(await auditFor(alice.actor.userId)).toEqual([]);
  });

  it("refuses to disable or demote the last enabled admin, even for an actor authenticated before a change", async () => {
    await updateUser(alice.actor, bob.actor.userId, { disabled: true }, "10.0.0.1");
    // Bob's request was already past authentication when Alice disabled him.
    await expect(updateUser(bob.actor, alice.actor.userId, { disabled: true }, null)).rejects.toThrow(/last enabled admin/);
    await expect(updateUser(bob.actor, alice.actor.userId, { role: "viewer" }, null)).rejects.toThrow(/last enabled admin/);
    expect(await db().user.count({ where: { role: "admin", disabled: false } })).toBe(1);
    await updateUser(alice.actor, bob.actor.userId, { disabled: false }, null);
  });

  it("lets exactly one of two admins disabling each other at once win", async () => {
    const results = await Promise.allSettled([
      updateUser(alice.actor, bob.actor.userId, { disabled: true }, null),
      updateUser(bob.actor, alice.actor.userId, { disabled: true }, null),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : undefined).toBeInstanceOf(ConflictError);
    expect(await db().user.count({ where: { role: "admin", disabled: false } })).toBe(1);
    // Put both back as enabled admins for the next tests.
    await db().user.updateMany({ where: { id: { in: [alice.actor.userId, bob.actor.userId] } }, data: { disabled: false } });
  });

  it("demotes an admin while another remains, auditing before and after", async () => {
    const carol = await createPerson("admin", "carol");
    const updated = await updateUser(alice.actor, carol.actor.userId, { role: "responder" }, "10.0.0.2");
    expect(updated).toMatchObject({ role: "responder", disabled: false });
    expect(await auditFor(carol.actor.userId)).toEqual([
      { action: "user.role_change", actorId: alice.actor.userId, before: { email: carol.actor.email, role: "admin" }, after: { email: carol.actor.email, role: "responder" } },
    ]);
  });
});

describe("disabling", () => {
  it("ends the person's sessions at once and audits how many", async () => {
    const dave = await createPerson("editor", "dave");
    expect(await actorFromSession(dave.sessionToken)).toMatchObject({ userId: dave.actor.userId });
    const updated = await updateUser(alice.actor, dave.actor.userId, { disabled: true }, null);
    expect(updated).toMatchObject({ disabled: true, activeSessions: 0 });
    expect(await actorFromSession(dave.sessionToken)).toBeUndefined();
    expect((await auditFor(dave.actor.userId)).map((event) => [event.action, event.after])).toEqual([
      ["user.disable", { email: dave.actor.email, disabled: true, sessionsRevoked: 1 }],
    ]);
    // Enabling does not bring the old sessions back.
    await updateUser(alice.actor, dave.actor.userId, { disabled: false }, null);
    expect(await actorFromSession(dave.sessionToken)).toBeUndefined();
  });

  it("revokes every session of a person on request", async () => {
    const erin = await createPerson("viewer", "erin");
    expect(await revokeUserSessions(alice.actor, erin.actor.userId, null)).toEqual({ revoked: 1 });
    expect(await actorFromSession(erin.sessionToken)).toBeUndefined();
    expect(await revokeUserSessions(alice.actor, erin.actor.userId, null)).toEqual({ revoked: 0 });
    expect((await auditFor(erin.actor.userId)).map((event) => event.action)).toEqual(["session.revoke_all"]);
  });
});

describe("invitations", () => {
  it("creates a person without a password and a link that sets it once", async () => {
    const { user, link } = await inviteUser(alice.actor, { email: "frank@it.vigil.local", name: "Frank", role: "responder" }, "10.0.0.3");
    expect(user).toMatchObject({ email: "frank@it.vigil.local", role: "responder", password: "invited", activeSessions: 0 });
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect(JSON.stringify(await auditFor(user.id))).not.toContain(link.token);
    await expect(inviteUser(alice.actor, { email: "frank@it.vigil.local", name: "Frank again", role: "viewer" }, null)).rejects.toThrow(
      /already has an account/,
    );

    expect(await passwordLinkStatus(link.token)).toEqual({ ok: true, email: "frank@it.vigil.local", name: "Frank" });
    await setPasswordWithLink({ token: link.token, password: "a long enough password", address: "10.0.0.4" });
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(stored.passwordHash, "a long enough password")).toBe(true);
    await expect(setPasswordWithLink({ token: link.token, password: "another long password", address: "10.0.0.4" })).rejects.toThrow(ValidationError);
    expect((await passwordLinkStatus(link.token)).ok).toBe(false);
    expect((await listUsers()).find((row) => row.id === user.id)).toMatchObject({ password: "set" });
    expect((await auditFor(user.id)).map((event) => [event.action, event.actorId])).toEqual([
      ["user.create", alice.actor.userId],
      ["user.password_set", user.id],
    ]);
  });

  it("retires an earlier link when a new one is issued, and refuses links for a disabled person", async () => {
    const { user, link: first } = await inviteUser(alice.actor, { email: "gina@it.vigil.local", name: "Gina", role: "viewer" }, null);
    const { link: second } = await issuePasswordLink(alice.actor, user.id, null);
    expect((await passwordLinkStatus(first.token)).ok).toBe(false);
    expect((await passwordLinkStatus(second.token)).ok).toBe(true);
    await updateUser(alice.actor, user.id, { disabled: true }, null);
    await expect(setPasswordWithLink({ token: second.token, password: "a long enough password", address: null })).rejects.toThrow(/disabled/);
    await expect(issuePasswordLink(alice.actor, user.id, null)).rejects.toThrow(ConflictError);
  });

  it("slows down an address that keeps trying wrong links", async () => {
    const wrong = `vgp_${"A".repeat(43)}`;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await expect(setPasswordWithLink({ token: wrong, password: "a long enough password", address: "10.9.9.9" })).rejects.toThrow(ValidationError);
    }
    await expect(setPasswordWithLink({ token: wrong, password: "a long enough password", address: "10.9.9.9" })).rejects.toThrow(/Too many failed attempts/);
  });
});

describe("the change and its audit event are one transaction", () => {
  beforeAll(async () => {
    // Fails the transaction at COMMIT, i.e. after the audit row was inserted, for marked people only.
    await database.query(`
      CREATE FUNCTION it_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'integration test: refusing to commit a change to %', NEW.email; END $$;
      CREATE CONSTRAINT TRIGGER it_refuse_commit AFTER INSERT OR UPDATE ON users
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.email LIKE 'refuse-commit%')
        EXECUTE FUNCTION it_refuse_commit();`);
  });

  it("keeps neither a role change nor its audit row when the commit fails", async () => {
    // Created with SQL so the trigger (which also fires on insert) does not stop the setup itself.
    await database.query("ALTER TABLE users DISABLE TRIGGER it_refuse_commit");
    const [row] = await database.query<{ id: string }>(
      "INSERT INTO users (email, name, role) VALUES ('refuse-commit-1@it.vigil.local', 'Refuse', 'viewer') RETURNING id",
    );
    await database.query("ALTER TABLE users ENABLE TRIGGER it_refuse_commit");
    const target = row?.id ?? "";
    await expect(updateUser(alice.actor, target, { role: "editor" }, null)).rejects.toThrow(/refusing to commit/);
    expect(await db().user.findUnique({ where: { id: target }, select: { role: true } })).toEqual({ role: "viewer" });
    expect(await auditFor(target)).toEqual([]);
  });

  it("keeps neither an invited person nor the audit row when the commit fails", async () => {
    const before = await db().auditEvent.count();
    await expect(inviteUser(alice.actor, { email: "refuse-commit-2@it.vigil.local", name: "Refused", role: "viewer" }, null)).rejects.toThrow(
      /refusing to commit/,
    );
    expect(await db().user.count({ where: { email: "refuse-commit-2@it.vigil.local" } })).toBe(0);
    expect(await db().passwordSetupToken.count({ where: { user: { email: "refuse-commit-2@it.vigil.local" } } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(before);
  });
});
