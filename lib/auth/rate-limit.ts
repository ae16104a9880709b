import "server-only";
import { db } from "@/lib/db";
import { RateLimitError } from "@/lib/errors";

/** Failed sign-ins counted over this window. */
export const WINDOW_MINUTES = 15;
/** Per account: stops guessing one person's password. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per address: stops one machine trying many accounts. */
export const MAX_FAILURES_PER_ADDRESS = 20;

/** Throws RateLimitError when the account or the address has failed too often lately. */
export async function assertSignInAllowed(email: string, address: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db().signInFailure.count({ where: { email, at: { gte: since } } }),
    db().signInFailure.count({ where: { address, at: { gte: since } } }),
  ]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) {
    throw new RateLimitError(
      `Too many failed sign-ins ${byAccount >= MAX_FAILURES_PER_ACCOUNT ? "for this account" : "from your address"}. ` +
        `Wait ${WINDOW_MINUTES} minutes and try again, or ask an admin.`,
      WINDOW_MINUTES * 60,
    );
  }
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  await db().signInFailure.create({ data: { email, address } });
}

/** A successful sign-in forgives that account's earlier failures (not the address's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db().signInFailure.deleteMany({ where: { email } });
}
