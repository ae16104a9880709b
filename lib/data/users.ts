import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InviteUserInput, PasswordState, UpdateUserInput, UserSummary } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { createPasswordLink, type PasswordLink } from "./password-links";
import { activeSessionWhere, revokeAllSessions } from "./sessions";

/** Held while changing roles or disabling, so two admins demoting each other cannot leave none. */
const ADMIN_CHANGE_LOCK = 7152002;

function summarySelect(now: Date) {
  return {
    id: true,
    email: true,
    name: true,
    role: true,
    disabled: true,
    createdAt: true,
    lastSignInAt: true,
    // Only whether one exists leaves this module.
    passwordHash: true,
    passwordSetupTokens: { where: { usedAt: null }, select: { expiresAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
    _count: { select: { sessions: { where: activeSessionWhere(now) } } },
  } satisfies Prisma.UserSelect;
}

type SummaryRow = Prisma.UserGetPayload<{ select: ReturnType<typeof summarySelect> }>;

function toSummary(row: SummaryRow, now: Date): UserSummary {
  const link = row.passwordSetupTokens[0];
  const password: PasswordState = row.passwordHash
    ? "set"
    : link && link.expiresAt > now
      ? "invited"
      : link
        ? "link-expired"
        : "none";
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    password,
    linkExpiresAt: password === "invited" && link ? link.expiresAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    activeSessions: row._count.sessions,
  };
}

/** Everyone with an account, enabled people first, then by name. */
export async function listUsers(): Promise<UserSummary[]> {
  const now = new Date();
  const rows = await db().user.findMany({ select: summarySelect(now), orderBy: [{ disabled: "asc" }, { name: "asc" }, { email: "asc" }] });
  return rows.map((row) => toSummary(row, now));
}

async function userSummary(tx: Prisma.TransactionClient, id: string): Promise<UserSummary> {
  const now = new Date();
  return toSummary(await tx.user.findUniqueOrThrow({ where: { id }, select: summarySelect(now) }), now);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates an account without a password and a one-time link with which the person chooses one.
 * The link's token is returned here and never stored in the clear.
 */
export async function inviteUser(
  actor: Actor,
  input: InviteUserInput,
  address: string | null,
): Promise<{ user: UserSummary; link: PasswordLink }> {
  const taken = () => new ConflictError(`${input.email} already has an account.`);
  try {
    return await db().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken();
      const { id } = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role }, select: { id: true } });
      const link = await createPasswordLink(tx, id);
      await recordAudit(tx, {
        actor,
        action: "user.create",
        targetType: "user",
        targetId: id,
        after: { email: input.email, name: input.name, role: input.role, passwordLinkExpiresAt: link.expiresAt.toISOString() },
        address,
      });
      return { user: await userSummary(tx, id), link };
    });
  } catch (error) {
    // Two invitations for one email at once: the unique index decides.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/**
 * Changes a role, disables or enables, or both. Nobody may demote or disable themself, nor the
 * last enabled admin (a 409 saying so). Disabling ends the person's sessions; their API tokens
 * stop working while they are disabled. Each change is audited in the same transaction.
 */
export async function updateUser(actor: Actor, id: string, patch: UpdateUserInput, address: string | null): Promise<UserSummary> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`;
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, disabled: true } });
    if (!user) throw new NotFoundError("No user with this id.");
    const roleChange = patch.role !== undefined && patch.role !== user.role;
    const disabling = patch.disabled === true && !user.disabled;
    const enabling = patch.disabled === false && user.disabled;
    const losesAdmin = (roleChange && user.role === "admin") || (disabling && user.role === "admin");

    if (user.id === actor.userId && (disabling || (roleChange && user.role === "admin"))) {
      throw new ConflictError(
        `You cannot ${disabling ? "disable" : "demote"} yourself: another admin must do it, so an admin always remains who can undo it.`,
      );
    }
    if (losesAdmin && !user.disabled) {
      const otherAdmins = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: id } } });
      if (otherAdmins === 0) {
        throw new ConflictError(
          `${user.name} is the last enabled admin; ${disabling ? "disabling" : "demoting"} them would leave nobody who can manage users. Make someone else an admin first.`,
        );
      }
    }

    if (roleChange && patch.role) {
      await tx.user.update({ where: { id }, data: { role: patch.role }, select: { id: true } });
      await recordAudit(tx, {
        actor,
        action: "user.role_change",
        targetType: "user",
        targetId: id,
        before: { email: user.email, role: user.role },
        after: { email: user.email, role: patch.role },
        address,
      });
    }
    if (disabling || enabling) {
      await tx.user.update({ where: { id }, data: { disabled: disabling }, select: { id: true } });
      const sessionsRevoked = disabling ? await revokeAllSessions(tx, id) : 0;
      await recordAudit(tx, {
        actor,
        action: disabling ? "user.disable" : "user.enable",
        targetType: "user",
        targetId: id,
        before: { email: user.email, disabled: user.disabled },
        after: { email: user.email, disabled: disabling, ...(disabling ? { sessionsRevoked } : {}) },
        address,
      });
    }
    return userSummary(tx, id);
  });
}

/** A new one-time set-password link for someone (an expired invitation, a forgotten password). */
export async function issuePasswordLink(actor: Actor, id: string, address: string | null): Promise<{ user: UserSummary; link: PasswordLink }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true, disabled: true } });
    if (!user) throw new NotFoundError("No user with this id.");
    if (user.disabled) throw new ConflictError(`${user.email} is disabled: enable them before sending a set-password link.`);
    const link = await createPasswordLink(tx, id);
    await recordAudit(tx, {
      actor,
      action: "user.password_link",
      targetType: "user",
      targetId: id,
      after: { email: user.email, passwordLinkExpiresAt: link.expiresAt.toISOString() },
      address,
    });
    return { user: await userSummary(tx, id), link };
  });
}

/** Signs someone out everywhere; returns how many sessions ended. */
export async function revokeUserSessions(actor: Actor, id: string, address: string | null): Promise<{ revoked: number }> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true } });
    if (!user) throw new NotFoundError("No user with this id.");
    const revoked = await revokeAllSessions(tx, id);
    if (revoked > 0) {
      await recordAudit(tx, {
        actor,
        action: "session.revoke_all",
        targetType: "user",
        targetId: id,
        after: { email: user.email, sessionsRevoked: revoked },
        address,
      });
    }
    return { revoked };
  });
}
