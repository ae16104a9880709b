/** Why a single sign-on attempt failed; the callback sends the browser to /sign-in?error=<code>. */
export const OIDC_ERROR_CODES = [
  "not_configured",
  "unavailable",
  "state",
  "denied",
  "email",
  "email_unverified",
  "no_role",
  "conflict",
  "disabled",
  "failed",
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export function isOidcErrorCode(value: unknown): value is OidcErrorCode {
  return typeof value === "string" && OIDC_ERROR_CODES.some((code) => code === value);
}

/**
 * What the sign-in page says for each code when it has nothing more specific (the callback's
 * own message travels in a short-lived sealed cookie, see lib/auth/oidc-state.ts).
 */
export function oidcErrorMessage(code: OidcErrorCode, provider: string): string {
  switch (code) {
    case "not_configured":
      return "Single sign-on is not set up on this console. Sign in with your email and password.";
    case "unavailable":
      return `${provider} could not be reached. Try again in a minute; if it persists, ask an admin to check OIDC_ISSUER_URL.`;
    case "state":
      return `The sign-in with ${provider} expired or was started in another tab or browser. Start it again.`;
    case "denied":
      return `${provider} did not let you sign in to Vigil.`;
    case "email":
      return `${provider} did not share your email address, which Vigil needs. Ask an admin to release the email claim to Vigil.`;
    case "email_unverified":
      return `Your email address is not verified at ${provider}. Verify it there, then sign in again.`;
    case "no_role":
      return "Your groups do not grant access to Vigil; ask an admin.";
    case "conflict":
      return `Your Vigil account is linked to a different ${provider} identity; ask an admin.`;
    case "disabled":
      return "This account is disabled. Ask an admin.";
    case "failed":
      return `Signing in with ${provider} failed. Try again; if it fails again, an admin will find the reason in the console's log.`;
  }
}

/** The refusal when a person's groups map to no role and VIGIL_DEFAULT_ROLE is none. */
export function noRoleMessage(groups: readonly string[]): string {
  return `Your groups (${groups.length > 0 ? groups.join(", ") : "none"}) do not grant access to Vigil; ask an admin.`;
}

/** A refused or failed sign-in: `message` is for the person, `reason` for the audit log and the console's log. */
export class OidcSignInError extends Error {
  readonly reason: string;

  constructor(
    readonly code: OidcErrorCode,
    message: string,
    reason?: string,
  ) {
    super(message);
    this.name = "OidcSignInError";
    this.reason = reason ?? message;
  }
}
