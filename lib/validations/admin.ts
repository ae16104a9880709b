import { z } from "zod";
import { newPasswordFields, passwordsMatch, PASSWORDS_DIFFER } from "./auth";
import { ROLES } from "@/lib/auth/roles";

/** How long an invitation's set-password link works. */
export const PASSWORD_LINK_HOURS = 72;
/** Every set-password link's token starts with this; the rest is 32 random bytes in base64url. */
export const PASSWORD_LINK_PREFIX = "vgp_";
/** The whole shape of a set-password token, so a damaged link is refused before any lookup. */
export const PASSWORD_LINK_PATTERN = /^vgp_[A-Za-z0-9_-]{43}$/;
/** The longest an API token may live; every token must expire. */
export const TOKEN_MAX_DAYS = 365;

// Request bodies are strict objects: a key the API does not know is refused, not silently dropped,
// so a typo ("disable" for "disabled") is an error rather than a request that quietly does nothing.

const role = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });

const email = z
  .string({ error: "Enter the person's email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address.").max(254, "That email address is too long."));

const personName = z
  .string({ error: "Enter the person's name." })
  .trim()
  .min(1, "Enter the person's name.")
  .max(200, "That name is too long (at most 200 characters).");

/** POST /api/admin/users: invite someone; they choose their password through a one-time link. */
export const inviteUserSchema = z.strictObject({ email, name: personName, role });

/** PATCH /api/admin/users/[id]: change a role, disable or enable, or both. */
export const updateUserSchema = z
  .strictObject({
    role: role.optional(),
    disabled: z.boolean({ error: "disabled must be true or false." }).optional(),
  })
  .refine((value) => value.role !== undefined || value.disabled !== undefined, {
    message: "Send a role, disabled, or both.",
  });

/** POST /api/tokens: a token for the caller, with a role no higher than theirs and an expiry. */
export const createTokenSchema = z.strictObject({
  name: z
    .string({ error: "Name the token (what will use it)." })
    .trim()
    .min(1, "Name the token (what will use it).")
    .max(100, "That name is too long (at most 100 characters)."),
  role,
  expiresInDays: z
    .number({ error: `Enter a number of days from 1 to ${TOKEN_MAX_DAYS}.` })
    .int(`Enter a whole number of days from 1 to ${TOKEN_MAX_DAYS}.`)
    .min(1, "A token must live at least 1 day.")
    .max(TOKEN_MAX_DAYS, `A token may live at most ${TOKEN_MAX_DAYS} days.`),
});

/** POST /api/auth/set-password: the token from the link and the new password, typed twice. */
export const setPasswordSchema = z
  .strictObject({
    token: z
      .string({ error: "The link has no token: open the link from your invitation again." })
      .regex(PASSWORD_LINK_PATTERN, "This link is damaged: open the link from your invitation again, whole."),
    ...newPasswordFields,
  })
  .refine(passwordsMatch, PASSWORDS_DIFFER);

/** Routes that act on the resource in their path take no body, or an empty JSON object. */
export const emptyBodySchema = z.strictObject({});

/** A user or token id in a path. */
export const uuidParam = z.guid("That is not a valid id (a UUID).");

/** A session id in a path: the hex SHA-256 of the session's cookie. */
export const sessionIdParam = z.string().regex(/^[0-9a-f]{64}$/, "That is not a valid session id (64 hex digits).");

export type InviteUserInput = z.infer<typeof inviteUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
export type SetPasswordInput = z.infer<typeof setPasswordSchema>;

/** Turns zod issues into the field-error map forms show (the same shape as the API's `issues`). */
export function fieldErrorsFrom(issues: ReadonlyArray<{ path: string; message: string }>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** The API's issue list for a zod error, so a form validating in the browser shows the same errors. */
export function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

// What the admin and token routes answer. The data layer returns these types and the browser
// parses answers with these schemas, so both sides agree on one definition.

const isoTime = z.iso.datetime({ offset: true });

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** set: has a password; invited: a link waits to be used; link-expired: it was not; none: signs in elsewhere. */
  password: z.enum(["set", "invited", "link-expired", "none"]),
  /** When the waiting set-password link expires. */
  linkExpiresAt: isoTime.nullable(),
  createdAt: isoTime,
  lastSignInAt: isoTime.nullable(),
  activeSessions: z.number(),
});

export const usersResponseSchema = z.object({ users: z.array(userSummarySchema) });
export const userResponseSchema = z.object({ user: userSummarySchema });

/** An invitation or a new set-password link: the link is in this answer only. */
export const passwordLinkResponseSchema = z.object({ user: userSummarySchema, setPasswordUrl: z.string(), expiresAt: isoTime });

export const apiTokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's first characters, to tell tokens apart; never enough to use one. */
  prefix: z.string(),
  role: z.enum(ROLES),
  createdAt: isoTime,
  expiresAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  owner: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});

export const tokensResponseSchema = z.object({ tokens: z.array(apiTokenSummarySchema) });
export const tokenResponseSchema = z.object({ token: apiTokenSummarySchema });
/** POST /api/tokens: the secret is in this answer and nowhere else. */
export const createdTokenResponseSchema = z.object({ token: apiTokenSummarySchema, secret: z.string() });

export const sessionSummarySchema = z.object({
  /** The hex SHA-256 of the cookie: names the session without being usable as one. */
  id: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: isoTime,
  lastSeenAt: isoTime,
  expiresAt: isoTime,
  /** The session the request listing them came from. */
  current: z.boolean(),
});

export const sessionsResponseSchema = z.object({ sessions: z.array(sessionSummarySchema) });
export const revokedSessionsResponseSchema = z.object({ revoked: z.number() });
export const revokedSessionResponseSchema = z.object({ revoked: z.string() });
export const setPasswordResponseSchema = z.object({ email: z.string() });

export type UserSummary = z.infer<typeof userSummarySchema>;
export type PasswordState = UserSummary["password"];
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
