import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Actor, RequestCredentials } from "./actor";
import { actorFromToken } from "./api-tokens";
import { addressMatcher, normalizeAddress } from "./ip";
import { roleFromGroups } from "./roles";
import { actorFromSession } from "./sessions";

let trusted: ((address: string) => boolean) | undefined;

function isTrustedProxy(address: string | null | undefined): boolean {
  const proxies = env().VIGIL_TRUSTED_PROXIES;
  if (!proxies || !address) return false;
  trusted ??= addressMatcher(proxies);
  return trusted(address);
}

/**
 * The address to record for a request: the first X-Forwarded-For hop when the peer is a
 * trusted proxy, otherwise the peer itself.
 */
export function clientAddress(credentials: RequestCredentials): string | null {
  const peer = credentials.peerAddress ? normalizeAddress(credentials.peerAddress) : null;
  if (isTrustedProxy(peer)) {
    const first = credentials.forwardedFor?.split(",")[0]?.trim();
    if (first) return normalizeAddress(first);
  }
  return peer;
}

/** Reverse-proxy mode: the person oauth2-proxy (or similar) vouches for, kept in sync with their groups. */
async function actorFromProxy(credentials: RequestCredentials): Promise<Actor | undefined> {
  if (!isTrustedProxy(credentials.peerAddress ? normalizeAddress(credentials.peerAddress) : null)) return undefined;
  const user = credentials.forwardedUser?.trim();
  const email = (credentials.forwardedEmail?.trim() || (user?.includes("@") ? user : undefined))?.toLowerCase();
  if (!email) return undefined;
  const settings = env();
  const groups = (credentials.forwardedGroups ?? "").split(",").map((group) => group.trim()).filter(Boolean);
  const fallback = settings.VIGIL_DEFAULT_ROLE === "none" ? undefined : settings.VIGIL_DEFAULT_ROLE;
  const role = roleFromGroups(groups, settings.VIGIL_ROLE_GROUPS ?? new Map(), fallback);
  if (!role) return undefined;
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, name: true, role: true, disabled: true } });
  if (existing?.disabled) return undefined;
  const record =
    existing && existing.role === role
      ? existing
      : await db().user.upsert({
          where: { email },
          create: { email, name: user && !user.includes("@") ? user : email, role },
          update: { role },
          select: { id: true, name: true, role: true, disabled: true },
        });
  return { type: "user", id: record.id, userId: record.id, name: record.name, email, role: record.role, via: "proxy" };
}

/**
 * Who sent a request: an API token (Authorization: Bearer), then a trusted reverse proxy's
 * headers, then the session cookie. Undefined when none of them holds.
 */
export async function authenticate(credentials: RequestCredentials): Promise<Actor | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? "")?.[1];
  if (bearer) return actorFromToken(bearer);
  const proxied = await actorFromProxy(credentials);
  if (proxied) return proxied;
  if (credentials.sessionToken) return actorFromSession(credentials.sessionToken);
  return undefined;
}
