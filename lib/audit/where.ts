import type { Prisma } from "@/lib/generated/prisma/client";
import { actionMatch, type AuditFilters } from "@/lib/validations/audit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The rows the filters select, newest first from the cursor: an actor given as an id matches that
 * user or token, anything else matches part of the actor's name (case-insensitive).
 */
export function auditWhere(filters: Omit<AuditFilters, "limit">): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filters.actor) {
    const byName: Prisma.AuditEventWhereInput = { actorName: { contains: filters.actor, mode: "insensitive" } };
    where.push(UUID.test(filters.actor) ? { OR: [{ actorId: filters.actor.toLowerCase() }, byName] } : byName);
  }
  if (filters.action) {
    const match = actionMatch(filters.action);
    where.push({ action: "prefix" in match ? { startsWith: match.prefix } : match.exact });
  }
  if (filters.targetType) where.push({ targetType: filters.targetType });
  if (filters.targetId) where.push({ targetId: filters.targetId });
  if (filters.from || filters.to) {
    where.push({ at: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: filters.to } : {}) } });
  }
  if (filters.cursor !== undefined) where.push({ id: { lt: filters.cursor } });
  return where.length === 0 ? {} : { AND: where };
}
