import "server-only";
import { AuthenticationError, ForbiddenError } from "@/lib/errors";
import { recordAuditNow } from "@/lib/data/audit";
import type { Actor, RequestCredentials } from "./actor";
import { authenticate, clientAddress } from "./authenticate";
import type { Access } from "./route-policy";
import { ROLE_DESCRIPTIONS, roleAtLeast } from "./roles";

/**
 * Authenticates a request and checks its role against `access`. A missing or expired
 * credential is a 401; a role too low is a 403, recorded in the audit log.
 */
export async function authorize(credentials: RequestCredentials, access: Access, what: string): Promise<Actor | undefined> {
  const actor = await authenticate(credentials);
  if (access === "public") return actor;
  if (!actor) {
    throw new AuthenticationError(
      credentials.authorization || credentials.sessionToken
        ? "Your session or token has expired or was revoked. Sign in again."
        : "Sign in to use the console.",
    );
  }
  if (!roleAtLeast(actor.role, access)) {
    await recordAuditNow({
      actor,
      action: "auth.denied",
      targetType: "route",
      targetId: what,
      after: { role: actor.role, required: access },
      address: clientAddress(credentials),
    });
    throw new ForbiddenError(
      `Your role (${actor.role}) cannot ${what}. It needs ${access} or higher: a ${access} ${ROLE_DESCRIPTIONS[access]}.`,
    );
  }
  return actor;
}
