import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";
import { roleAtLeast, type Role } from "./roles";
import { newSecret, sha256 } from "./secrets";

/** Every API token starts with this, so secret scanners can recognise a leaked one. */
export const TOKEN_PREFIX = "vgl_";

/** Last-used times are written at most this often. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The actor an API token acts as, or undefined when it is unknown, revoked or expired, or its
 * creator is disabled. A token never acts above its creator's current role.
 */
export async function actorFromToken(token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const record = await db().apiToken.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      name: true,
      role: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { id: true, role: true, disabled: true } },
    },
  });
  if (!record || record.revokedAt || record.createdBy.disabled || record.expiresAt.getTime() <= Date.now()) return undefined;
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db().apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  const role = roleAtLeast(record.createdBy.role, record.role) ? record.role : record.createdBy.role;
  return { type: "token", id: record.id, userId: record.createdBy.id, name: `${record.name} (token)`, role, via: "token" };
}

/** How many characters of a token lists show: the prefix and 8 random characters. */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 8;

export interface NewApiTokenInput {
  name: string;
  role: Role;
  expiresAt: Date;
  createdById: string;
}

/**
 * Stores a new API token and returns its secret, which exists nowhere else afterwards: only its
 * SHA-256 and first characters are kept. Pass the transaction that audits the creation. The
 * caller checks that the role is no higher than the creator's.
 */
export async function createApiToken(
  writer: Pick<Prisma.TransactionClient, "apiToken">,
  input: NewApiTokenInput,
): Promise<{ id: string; secret: string; prefix: string }> {
  const secret = newSecret(TOKEN_PREFIX);
  const prefix = secret.slice(0, DISPLAY_LENGTH);
  const { id } = await writer.apiToken.create({
    data: { name: input.name, role: input.role, expiresAt: input.expiresAt, createdById: input.createdById, tokenHash: sha256(secret), prefix },
    select: { id: true },
  });
  return { id, secret, prefix };
}
