import { z } from "zod";

/** Who the identity provider says signed in, as Vigil uses it. */
export interface OidcIdentity {
  subject: string;
  /** Lower-cased, like every email Vigil stores. */
  email: string;
  name: string;
  groups: string[];
}

export type OidcIdentityResult =
  | { ok: true; identity: OidcIdentity }
  | { ok: false; problem: "subject" | "email" | "email_unverified"; detail: string };

/**
 * The groups in a groups claim. Providers send a JSON array (Keycloak, Okta, Dex, Entra ID) or
 * one comma-separated string (some SAML bridges and custom mappers); anything else counts as
 * no groups. Names are trimmed, blanks and duplicates dropped, order kept.
 */
export function parseGroupsClaim(value: unknown): string[] {
  return [...new Set(groupNames(value).map((name) => name.trim()).filter((name) => name.length > 0))];
}

function groupNames(value: unknown): string[] {
  if (typeof value === "string") return value.split(",");
  const list = z.array(z.unknown()).safeParse(value);
  return list.success ? list.data.filter((item): item is string => typeof item === "string") : [];
}

const optionalText = z.string().trim().min(1).max(200).optional().catch(undefined);

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.unknown().optional(),
  // Some providers (Cognito among them) send the boolean as a string.
  email_verified: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((text) => text === "true")])
    .optional()
    .catch(undefined),
  name: optionalText,
  preferred_username: optionalText,
});

const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/**
 * Reads the identity from the merged ID token and userinfo claims. The email is required (it
 * names the account and links an existing one); an email the provider marks unverified is
 * refused, since anyone could claim it there. A missing email_verified is accepted: several
 * providers only release addresses they have verified and never send the claim.
 */
export function identityFromClaims(claims: Record<string, unknown>, groupsClaim: string): OidcIdentityResult {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return { ok: false, problem: "subject", detail: "the ID token has no usable sub claim" };
  const { sub, email_verified: verified, name, preferred_username: username } = parsed.data;
  if (parsed.data.email === undefined || parsed.data.email === null || parsed.data.email === "") {
    return { ok: false, problem: "email", detail: `no email claim for subject ${sub}` };
  }
  const email = emailSchema.safeParse(parsed.data.email);
  if (!email.success) return { ok: false, problem: "email", detail: `the email claim of subject ${sub} is not an email address` };
  if (verified === false) return { ok: false, problem: "email_unverified", detail: `email ${email.data} is not verified at the provider` };
  return {
    ok: true,
    identity: { subject: sub, email: email.data, name: name ?? username ?? email.data, groups: parseGroupsClaim(claims[groupsClaim]) },
  };
}
