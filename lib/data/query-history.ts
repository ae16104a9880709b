import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { QUERY_HISTORY_LIMIT } from "@/lib/validations/explore";
import { recordAudit } from "./audit";

export interface QueryHistoryItem {
  id: string;
  expr: string;
  ranAt: string;
}

/** A person's Explore history, newest first (at most QUERY_HISTORY_LIMIT). */
export async function listQueryHistory(userId: string): Promise<QueryHistoryItem[]> {
  const rows = await db().queryHistoryEntry.findMany({
    where: { userId },
    select: { id: true, expr: true, ranAt: true },
    orderBy: { ranAt: "desc" },
    take: QUERY_HISTORY_LIMIT,
  });
  return rows.map((row) => ({ id: row.id, expr: row.expr, ranAt: row.ranAt.toISOString() }));
}

/**
 * Records a query someone ran. Running the same query again moves it to the top instead of adding a
 * copy; the oldest entries beyond QUERY_HISTORY_LIMIT are removed in the same transaction.
 */
export async function recordQuery(actor: Actor, expr: string, address: string | null): Promise<QueryHistoryItem> {
  const userId = actor.userId;
  return db().$transaction(async (tx) => {
    await tx.queryHistoryEntry.deleteMany({ where: { userId, expr } });
    const row = await tx.queryHistoryEntry.create({ data: { userId, expr }, select: { id: true, expr: true, ranAt: true } });
    const stale = await tx.queryHistoryEntry.findMany({
      where: { userId },
      select: { id: true },
      orderBy: { ranAt: "desc" },
      skip: QUERY_HISTORY_LIMIT,
    });
    if (stale.length > 0) await tx.queryHistoryEntry.deleteMany({ where: { id: { in: stale.map((entry) => entry.id) } } });
    await recordAudit(tx, { actor, action: "explore.query", targetType: "query-history", targetId: row.id, after: { expr }, address });
    return { id: row.id, expr: row.expr, ranAt: row.ranAt.toISOString() };
  });
}
