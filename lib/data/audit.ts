import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/** A Prisma client or an open transaction: audit rows are written in the same transaction as the change. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

export interface AuditInput {
  /** A signed-in actor, or a description of one who is not (a failed sign-in names the email tried). */
  actor: Actor | { type: "anonymous"; name: string } | { type: "system"; name: string };
  action: string;
  targetType: string;
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  address?: string | null;
}

/** Appends one audit event. The table refuses updates and deletes (a trigger), so this is the only write. */
export async function recordAudit(writer: AuditWriter, input: AuditInput): Promise<void> {
  const { actor } = input;
  await writer.auditEvent.create({
    data: {
      actorType: actor.type === "token" ? "token" : actor.type === "user" ? "user" : "system",
      actorId: actor.type === "user" || actor.type === "token" ? actor.id : null,
      actorName: actor.type === "anonymous" ? `anonymous (${actor.name})` : actor.name,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      before: input.before,
      after: input.after,
      requestAddress: input.address ?? null,
    },
  });
}

/** Records an event that is not part of a change (sign-ins, denials) on its own. */
export function recordAuditNow(input: AuditInput): Promise<void> {
  return recordAudit(db(), input);
}
