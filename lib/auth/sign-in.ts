import "server-only";
import { db } from "@/lib/db";
import { recordAudit, recordAuditNow } from "@/lib/data/audit";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "./password";
import { assertSignInAllowed, clearAccountFailures, recordSignInFailure } from "./rate-limit";
import { createSession, type NewSession } from "./sessions";

export interface SignInRequest {
  email: string;
  password: string;
  address: string | null;
  userAgent: string | null;
}

/**
 * Checks a password and starts a session. Every outcome is audited; the answer never says
 * whether the account exists.
 */
export async function signInWithPassword(request: SignInRequest): Promise<NewSession | { error: string }> {
  await ensureBootstrapAdmin();
  const address = request.address ?? "unknown";
  await assertSignInAllowed(request.email, address);
  const user = await db().user.findUnique({
    where: { email: request.email },
    select: { id: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? null, request.password);
  if (!user || !valid || user.disabled) {
    await recordSignInFailure(request.email, address);
    await recordAuditNow({
      actor: { type: "anonymous", name: request.email },
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id ?? request.email,
      after: { reason: !user ? "unknown account" : user.disabled ? "account disabled" : "wrong password" },
      address: request.address,
    });
    return { error: user?.disabled && valid ? "This account is disabled. Ask an admin." : "Wrong email or password." };
  }
  await clearAccountFailures(request.email);
  const session = await createSession(user.id, { address: request.address, userAgent: request.userAgent });
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, {
      actor: { type: "user", id: user.id, userId: user.id, name: user.name, role: user.role, via: "session" },
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      after: { method: "password" },
      address: request.address,
    });
  });
  return session;
}

/** True while nobody has an account: the one-time setup page works only then. */
export async function needsSetup(): Promise<boolean> {
  await ensureBootstrapAdmin();
  return (await db().user.count()) === 0;
}

/**
 * Creates the first admin from VIGIL_ADMIN_EMAIL and VIGIL_ADMIN_PASSWORD while no user
 * exists. Safe to call often: after the first user exists it does nothing.
 */
export async function ensureBootstrapAdmin(): Promise<void> {
  const { VIGIL_ADMIN_EMAIL: email, VIGIL_ADMIN_PASSWORD: password } = env();
  if (!email || !password || (await db().user.count()) > 0) return;
  await createFirstAdmin({ email, name: "Admin", password }, null);
}

/** Creates the first admin, atomically refusing when any user already exists. */
export async function createFirstAdmin(
  input: { email: string; name: string; password: string },
  address: string | null,
): Promise<{ id: string } | { error: string }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    // Serialise concurrent setups: only the first may create the first admin.
    await tx.$executeRaw`select pg_advisory_xact_lock(7152001)`;
    if ((await tx.user.count()) > 0) return { error: "Setup is already done: an account exists. Sign in instead." };
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: "admin", passwordHash },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: { type: "system", name: address ? "setup page" : "VIGIL_ADMIN_EMAIL" },
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      after: { email: input.email, name: input.name, role: "admin" },
      address,
    });
    return user;
  });
}
