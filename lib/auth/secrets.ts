import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret with a recognisable prefix (so a leaked token can be found by scanners). */
export function newSecret(prefix: string, bytes = 32): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/** Hex SHA-256: how session and API tokens are stored; they are random, so no salt or slow hash is needed. */
export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
