import { hkdfSync } from "node:crypto";
import { EncryptJWT, errors, jwtDecrypt } from "jose";
import { z } from "zod";
import { nextPath } from "@/lib/validations/auth";

/** Holds a sign-in in progress between /api/auth/oidc/login and the provider's callback. */
export const OIDC_STATE_COOKIE = "vigil_oidc";
/** Sent only to the two OIDC routes. */
export const OIDC_STATE_COOKIE_PATH = "/api/auth/oidc";
export const OIDC_STATE_TTL_SECONDS = 600;

/** Carries the callback's exact refusal (e.g. which groups) to the sign-in page it redirects to. */
export const OIDC_NOTICE_COOKIE = "vigil_oidc_notice";
export const OIDC_NOTICE_COOKIE_PATH = "/sign-in";
export const OIDC_NOTICE_TTL_SECONDS = 60;

const pendingSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43).max(128),
  next: nextPath,
  redirectUri: z.url({ protocol: /^https?$/ }),
});

/** What the browser keeps, sealed, while it is at the provider. */
export type PendingSignIn = z.infer<typeof pendingSchema>;

const noticeSchema = z.object({ code: z.string().min(1), message: z.string().min(1).max(1000) });
export type SignInNotice = z.infer<typeof noticeSchema>;

export type Opened<T> = { ok: true; value: T } | { ok: false; reason: "missing" | "expired" | "invalid" };

type Purpose = "oidc-state" | "oidc-notice";

/**
 * A 256-bit key per purpose, derived from the client secret with HKDF: the secret is already
 * something only this console and the provider know, and every replica derives the same key.
 */
function keyFor(secret: string, purpose: Purpose): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "vigil", `vigil ${purpose} cookie v1`, 32));
}

/**
 * Encrypts a value into a compact JWE (dir + A256GCM): the browser can neither read it (the PKCE
 * verifier and nonce stay secret) nor change it (GCM authenticates it), and it expires.
 */
async function seal(purpose: Purpose, value: Record<string, string>, secret: string, ttlSeconds: number, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new EncryptJWT(value)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setAudience(purpose)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .encrypt(keyFor(secret, purpose));
}

async function open<T>(purpose: Purpose, token: string | undefined, secret: string, schema: z.ZodType<T>, now: Date): Promise<Opened<T>> {
  if (!token) return { ok: false, reason: "missing" };
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret, purpose), {
      audience: purpose,
      currentDate: now,
      requiredClaims: ["exp"],
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
    });
    const parsed = schema.safeParse(payload);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: "invalid" };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}

export function sealPendingSignIn(value: PendingSignIn, secret: string, now = new Date()): Promise<string> {
  return seal("oidc-state", { ...value }, secret, OIDC_STATE_TTL_SECONDS, now);
}

export function openPendingSignIn(token: string | undefined, secret: string, now = new Date()): Promise<Opened<PendingSignIn>> {
  return open("oidc-state", token, secret, pendingSchema, now);
}

export function sealNotice(value: SignInNotice, secret: string, now = new Date()): Promise<string> {
  return seal("oidc-notice", { ...value }, secret, OIDC_NOTICE_TTL_SECONDS, now);
}

export function openNotice(token: string | undefined, secret: string, now = new Date()): Promise<Opened<SignInNotice>> {
  return open("oidc-notice", token, secret, noticeSchema, now);
}
