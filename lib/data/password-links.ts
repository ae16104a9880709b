import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES_PER_ADDRESS, WINDOW_MINUTES } from "@/lib/auth/rate-limit";
import { newSecret, sha256 } from "@/lib/auth/secrets";
import { db } from "@/lib/db";
import { ConflictError, RateLimitError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PASSWORD_LINK_HOURS, PASSWORD_LINK_PATTERN, PASSWORD_LINK_PREFIX } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { revokeAllSessions } from "./sessions";

/**
 * Failed attempts are counted with the failed sign-ins, per address, so one machine cannot
 * guess links and passwords in turn; this stands in for the email, which a link does not name.
 */
const FAILURE_MARKER = "(set-password link)";

const INVALID_LINK = "This link does not work: it is wrong, has expired or was already used. Ask an admin for a new one.";

export interface PasswordLink {
  token: string;
  expiresAt: Date;
}

/**
 * Issues a one-time set-password link for a user, in the caller's transaction, and retires any
 * earlier unused link so only the newest works.
 */
export async function createPasswordLink(
  tx: Pick<Prisma.TransactionClient, "passwordSetupToken">,
  userId: string,
): Promise<PasswordLink> {
  const now = new Date();
  await tx.passwordSetupToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const token = newSecret(PASSWORD_LINK_PREFIX);
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordSetupToken.create({ data: { userId, tokenHash: sha256(token), expiresAt }, select: { id: true } });
  return { token, expiresAt };
}

/** The address people open the link at. */
export function passwordLinkUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/set-password?token=${encodeURIComponent(token)}`;
}

export type PasswordLinkStatus = { ok: true; email: string; name: string } | { ok: false; reason: string };

/** Whether a link still works, for the set-password page to say so before anyone types. */
export async function passwordLinkStatus(token: string): Promise<PasswordLinkStatus> {
  if (!PASSWORD_LINK_PATTERN.test(token)) return { ok: false, reason: INVALID_LINK };
  const link = await db().passwordSetupToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: { expiresAt: true, usedAt: true, user: { select: { email: true, name: true, disabled: true } } },
  });
  if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) return { ok: false, reason: INVALID_LINK };
  if (link.user.disabled) return { ok: false, reason: "This account is disabled. Ask an admin to enable it." };
  return { ok: true, email: link.user.email, name: link.user.name };
}

async function assertAttemptsAllowed(address: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const failures = await db().signInFailure.count({ where: { address, at: { gte: since } } });
  if (failures >= MAX_FAILURES_PER_ADDRESS) {
    throw new RateLimitError(`Too many failed attempts from your address. Wait ${WINDOW_MINUTES} minutes and try again.`, WINDOW_MINUTES * 60);
  }
}

async function refuseLink(address: string): Promise<never> {
  await db().signInFailure.create({ data: { email: FAILURE_MARKER, address } });
  throw new ValidationError(INVALID_LINK, [{ path: "token", message: INVALID_LINK }]);
}

/**
 * Sets a password through a one-time link: the link is used up, every earlier session of the
 * account ends, and the change is audited, all in one transaction. A wrong, expired or used link
 * counts as a failed attempt against the address.
 */
export async function setPasswordWithLink(input: { token: string; password: string; address: string | null }): Promise<{ email: string }> {
  const address = input.address ?? "unknown";
  await assertAttemptsAllowed(address);
  const tokenHash = sha256(input.token);
  const link = await db().passwordSetupToken.findUnique({
    where: { tokenHash },
    select: { id: true, expiresAt: true, usedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) return refuseLink(address);
  const { user } = link;
  if (user.disabled) throw new ConflictError("This account is disabled. Ask an admin to enable it first.");
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    // Only one use wins, even when the form is sent twice at once.
    const claimed = await tx.passwordSetupToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new ValidationError(INVALID_LINK, [{ path: "token", message: INVALID_LINK }]);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
    const sessionsRevoked = await revokeAllSessions(tx, user.id);
    const actor: Actor = { type: "user", id: user.id, userId: user.id, name: user.name, email: user.email, role: user.role, via: "session" };
    await recordAudit(tx, {
      actor,
      action: "user.password_set",
      targetType: "user",
      targetId: user.id,
      after: { via: "set-password link", sessionsRevoked },
      address: input.address,
    });
  });
  return { email: user.email };
}
