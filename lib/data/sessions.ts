import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { sha256 } from "@/lib/auth/secrets";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionSummary } from "@/lib/validations/admin";
import { recordAudit } from "./audit";

/** Sessions that still work: not revoked, not past their end, not idle too long. */
export function activeSessionWhere(now = new Date()): Prisma.SessionWhereInput {
  return {
    revokedAt: null,
    expiresAt: { gt: now },
    lastSeenAt: { gt: new Date(now.getTime() - env().VIGIL_SESSION_IDLE_MINUTES * 60_000) },
  };
}

/** Every active session, most recently seen first. */
export async function listActiveSessions(currentToken?: string): Promise<SessionSummary[]> {
  const currentId = currentToken ? sha256(currentToken) : undefined;
  const sessions = await db().session.findMany({
    where: activeSessionWhere(),
    orderBy: { lastSeenAt: "desc" },
    take: 5000,
    select: {
      id: true,
      address: true,
      userAgent: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
  return sessions.map((session) => ({
    ...session,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    current: session.id === currentId,
  }));
}

/** Ends one session (an admin signing someone out of one browser). */
export async function revokeSessionById(actor: Actor, id: string, address: string | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const session = await tx.session.findUnique({
      where: { id },
      select: { revokedAt: true, user: { select: { id: true, email: true } } },
    });
    if (!session) throw new NotFoundError("No session with this id. It may have been removed.");
    const revoked = await tx.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    // Already revoked: nothing changed, so nothing to audit.
    if (revoked.count === 0) return;
    await recordAudit(tx, {
      actor,
      action: "session.revoke",
      targetType: "session",
      targetId: id,
      before: { userId: session.user.id, email: session.user.email, revoked: false },
      after: { revoked: true },
      address,
    });
  });
}

/** Ends every session of a user; returns how many were active. */
export async function revokeAllSessions(tx: Pick<Prisma.TransactionClient, "session">, userId: string): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}
