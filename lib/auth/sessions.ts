import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { newSecret, sha256 } from "./secrets";

/** Last-seen times are written at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Starts a session for a user; the token goes in the cookie, only its hash in the database. */
export async function createSession(userId: string, meta: { address?: string | null; userAgent?: string | null }): Promise<NewSession> {
  const token = newSecret("vgs_");
  const expiresAt = new Date(Date.now() + env().VIGIL_SESSION_MAX_HOURS * 3_600_000);
  await db().session.create({
    data: { id: sha256(token), userId, expiresAt, address: meta.address ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, expiresAt };
}

/**
 * The actor a session token belongs to, or undefined when the session is unknown, revoked,
 * idle too long, past its absolute end, or its user is disabled.
 */
export async function actorFromSession(token: string): Promise<Actor | undefined> {
  const id = sha256(token);
  const session = await db().session.findUnique({
    where: { id },
    select: { lastSeenAt: true, expiresAt: true, revokedAt: true, user: { select: { id: true, name: true, email: true, role: true, disabled: true } } },
  });
  if (!session || session.revokedAt || session.user.disabled) return undefined;
  const now = Date.now();
  const idleLimit = env().VIGIL_SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt.getTime() <= now || now - session.lastSeenAt.getTime() > idleLimit) return undefined;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  return { type: "user", id: user.id, userId: user.id, name: user.name, email: user.email, role: user.role, via: "session" };
}

/** Ends one session (sign-out). */
export async function revokeSession(token: string): Promise<void> {
  await db().session.updateMany({ where: { id: sha256(token), revokedAt: null }, data: { revokedAt: new Date() } });
}
