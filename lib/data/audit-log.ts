import "server-only";
import { csvRow } from "@/lib/audit/csv";
import { auditWhere } from "@/lib/audit/where";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEventRow, AuditFilters, AuditPage } from "@/lib/validations/audit";

const rowSelect = {
  id: true,
  at: true,
  actorType: true,
  actorId: true,
  actorName: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  requestAddress: true,
} satisfies Prisma.AuditEventSelect;

type Row = Prisma.AuditEventGetPayload<{ select: typeof rowSelect }>;

function toRow(row: Row): AuditEventRow {
  return { ...row, id: row.id.toString(), at: row.at.toISOString() };
}

/** One page of matching events, newest first, after the cursor (keyset paging by id). */
export async function listAuditEvents(filters: AuditFilters): Promise<AuditPage> {
  const rows = await db().auditEvent.findMany({
    where: auditWhere(filters),
    orderBy: { id: "desc" },
    take: filters.limit + 1,
    select: rowSelect,
  });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return { events: page.map(toRow), nextCursor: rows.length > filters.limit && last ? last.id.toString() : null };
}

export const AUDIT_CSV_HEADER = [
  "id",
  "at",
  "actor_type",
  "actor_id",
  "actor_name",
  "action",
  "target_type",
  "target_id",
  "before",
  "after",
  "request_address",
] as const;

/** Rows fetched per query while exporting, so memory stays flat however long the log is. */
const EXPORT_BATCH = 1000;

function json(value: Prisma.JsonValue): string | null {
  return value === null ? null : JSON.stringify(value);
}

/**
 * Every event matching the filters (paging parameters aside), newest first, as CSV produced batch
 * by batch while the client reads, so an export of the whole log never sits in memory.
 */
export function auditCsvStream(filters: AuditFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = filters.cursor;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow(AUDIT_CSV_HEADER)));
        return;
      }
      if (done) return;
      const rows = await db().auditEvent.findMany({
        where: auditWhere({ ...filters, cursor }),
        orderBy: { id: "desc" },
        take: EXPORT_BATCH,
        select: rowSelect,
      });
      const text = rows
        .map((row) =>
          csvRow([
            row.id,
            row.at,
            row.actorType,
            row.actorId,
            row.actorName,
            row.action,
            row.targetType,
            row.targetId,
            json(row.before),
            json(row.after),
            row.requestAddress,
          ]),
        )
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      cursor = rows.at(-1)?.id;
      if (rows.length < EXPORT_BATCH) {
        done = true;
        controller.close();
      }
    },
  });
}
