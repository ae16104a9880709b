import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/auth/api-tokens";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApiTokenSummary, CreateTokenInput } from "@/lib/validations/admin";
import { recordAudit } from "./audit";

const summarySelect = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} satisfies Prisma.ApiTokenSelect;

type SummaryRow = Prisma.ApiTokenGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    owner: row.createdBy,
  };
}

/** A person's own tokens, or everyone's; newest first. */
export async function listApiTokens(scope: { ownerId: string } | "all"): Promise<ApiTokenSummary[]> {
  const rows = await db().apiToken.findMany({
    where: scope === "all" ? {} : { createdById: scope.ownerId },
    orderBy: { createdAt: "desc" },
    take: 5000,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/**
 * Creates a token for the actor, acting with a role no higher than theirs. The secret is in the
 * answer and nowhere else. A token cannot create tokens: that would let a short-lived credential
 * outlive itself.
 */
export async function createToken(
  actor: Actor,
  input: CreateTokenInput,
  address: string | null,
): Promise<{ token: ApiTokenSummary; secret: string }> {
  if (actor.type === "token") {
    throw new ForbiddenError("An API token cannot create tokens. Sign in to the console to create one.");
  }
  if (!roleAtLeast(actor.role, input.role)) {
    throw new ForbiddenError(
      `Your role (${actor.role}) cannot create a token with the role ${input.role}: a token's role can be at most your own.`,
    );
  }
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  return db().$transaction(async (tx) => {
    const created = await createApiToken(tx, { name: input.name, role: input.role, expiresAt, createdById: actor.userId });
    await recordAudit(tx, {
      actor,
      action: "token.create",
      targetType: "token",
      targetId: created.id,
      after: { name: input.name, prefix: created.prefix, role: input.role, expiresAt: expiresAt.toISOString(), ownerId: actor.userId },
      address,
    });
    const row = await tx.apiToken.findUniqueOrThrow({ where: { id: created.id }, select: summarySelect });
    return { token: toSummary(row), secret: created.secret };
  });
}

/** Revokes a token: the caller's own, or anyone's for an admin. */
export async function revokeToken(actor: Actor, id: string, address: string | null): Promise<ApiTokenSummary> {
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: summarySelect });
    if (!token) throw new NotFoundError("No API token with this id.");
    if (token.createdBy.id !== actor.userId && !roleAtLeast(actor.role, "admin")) {
      throw new ForbiddenError("You can revoke only your own tokens; an admin can revoke anyone's.");
    }
    const revokedAt = new Date();
    const revoked = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
    if (revoked.count === 0) throw new ConflictError(`The token ${token.name} (${token.prefix}…) is already revoked.`);
    await recordAudit(tx, {
      actor,
      action: "token.revoke",
      targetType: "token",
      targetId: id,
      before: { name: token.name, prefix: token.prefix, role: token.role, ownerId: token.createdBy.id, revoked: false },
      after: { revoked: true },
      address,
    });
    return toSummary({ ...token, revokedAt });
  });
}
