import type { Prisma } from "../generated/prisma/client.ts";
import { ConflictError, NotFoundError } from "../errors.ts";
import type { RunbookContent } from "../validations/runbooks.ts";

/*
 * Every write to runbooks, inside a transaction the caller opens, with its audit row written in
 * the same transaction. Shared by the API (lib/data/runbooks.ts), `vigil runbooks import` and
 * the seed, so a runbook changes the same way however it changes: a new version, a revision row
 * recording it, and an audit event.
 */

export type RunbookWriter = Pick<Prisma.TransactionClient, "runbook" | "runbookRevision" | "auditEvent">;

export interface RunbookAuditEntry {
  action: "runbook.create" | "runbook.update" | "runbook.restore" | "runbook.delete" | "runbook.import";
  targetId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/** Writes the audit row for a change; the API passes recordAudit with the caller, the CLI a system actor. */
export type RunbookAudit = (writer: RunbookWriter, entry: RunbookAuditEntry) => Promise<void>;

export const RUNBOOK_FIELDS = {
  id: true,
  slug: true,
  title: true,
  body: true,
  tags: true,
  team: true,
  alertNames: true,
  labelMatchers: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.RunbookSelect;

export type StoredRunbook = Prisma.RunbookGetPayload<{ select: typeof RUNBOOK_FIELDS }>;

export function contentOf(runbook: RunbookContent): RunbookContent {
  return {
    title: runbook.title,
    body: runbook.body,
    tags: [...runbook.tags],
    team: runbook.team,
    alertNames: [...runbook.alertNames],
    labelMatchers: [...runbook.labelMatchers],
  };
}

export function sameContent(a: RunbookContent, b: RunbookContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

/** What the audit log keeps of a version: everything but the body, which the revision row holds; its length says it changed. */
function auditView(slug: string, version: number, content: RunbookContent): Record<string, Prisma.InputJsonValue | null> {
  const { body, ...rest } = contentOf(content);
  return { slug, version, ...rest, bodyLength: body.length };
}

/** Creates a runbook at version 1 with its first revision. A taken slug is a 409. */
export async function createRunbookIn(
  writer: RunbookWriter,
  slug: string,
  content: RunbookContent,
  authorId: string | null,
  audit: RunbookAudit,
  action: RunbookAuditEntry["action"] = "runbook.create",
): Promise<StoredRunbook> {
  const taken = await writer.runbook.findUnique({ where: { slug }, select: { id: true } });
  if (taken) throw new ConflictError(`A runbook with the slug "${slug}" already exists.`);
  const data = contentOf(content);
  const created = await writer.runbook.create({
    data: { slug, ...data, version: 1, createdById: authorId, updatedById: authorId, revisions: { create: { version: 1, ...data, authorId } } },
    select: RUNBOOK_FIELDS,
  });
  await audit(writer, { action, targetId: slug, after: auditView(slug, 1, data) });
  return created;
}

/** A save that names an older version than the stored one: the answer carries the newer version. */
export class RunbookConflictError extends ConflictError {
  constructor(
    readonly slug: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`Runbook "${slug}" was saved by someone else since you opened it (you edited version ${expectedVersion}; it is now at version ${currentVersion}). Compare both versions and save again.`);
    this.name = "RunbookConflictError";
  }
}

/**
 * Saves new content over `expectedVersion`. When the stored version is newer the save is refused
 * (RunbookConflictError, a 409), never applied; identical content is not a new version.
 */
export async function updateRunbookIn(
  writer: RunbookWriter,
  slug: string,
  expectedVersion: number,
  content: RunbookContent,
  authorId: string | null,
  audit: RunbookAudit,
  action: RunbookAuditEntry["action"] = "runbook.update",
  extra: Record<string, Prisma.InputJsonValue> = {},
): Promise<{ runbook: StoredRunbook; changed: boolean }> {
  const current = await writer.runbook.findUnique({ where: { slug }, select: RUNBOOK_FIELDS });
  if (!current) throw new NotFoundError(`There is no runbook "${slug}".`);
  if (current.version !== expectedVersion) throw new RunbookConflictError(slug, expectedVersion, current.version);
  if (sameContent(current, content)) return { runbook: current, changed: false };
  const data = contentOf(content);
  const next = expectedVersion + 1;
  // The version condition makes the check and the write one step: of two saves racing from the
  // same version, the second updates nothing and is refused.
  const { count } = await writer.runbook.updateMany({
    where: { id: current.id, version: expectedVersion },
    data: { ...data, version: next, updatedById: authorId },
  });
  if (count === 0) {
    const now = await writer.runbook.findUnique({ where: { slug }, select: { version: true } });
    throw new RunbookConflictError(slug, expectedVersion, now?.version ?? expectedVersion + 1);
  }
  await writer.runbookRevision.create({ data: { runbookId: current.id, version: next, ...data, authorId }, select: { id: true } });
  await audit(writer, { action, targetId: slug, before: auditView(slug, current.version, current), after: { ...auditView(slug, next, data), ...extra } });
  const runbook = await writer.runbook.findUniqueOrThrow({ where: { id: current.id }, select: RUNBOOK_FIELDS });
  return { runbook, changed: true };
}

/** Brings back an old revision's content as a new version on top of `expectedVersion`. */
export async function restoreRevisionIn(
  writer: RunbookWriter,
  slug: string,
  revision: number,
  expectedVersion: number,
  authorId: string | null,
  audit: RunbookAudit,
): Promise<{ runbook: StoredRunbook; changed: boolean }> {
  const old = await writer.runbookRevision.findFirst({
    where: { version: revision, runbook: { slug } },
    select: { title: true, body: true, tags: true, team: true, alertNames: true, labelMatchers: true },
  });
  if (!old) throw new NotFoundError(`Runbook "${slug}" has no revision ${revision}.`);
  return updateRunbookIn(writer, slug, expectedVersion, old, authorId, audit, "runbook.restore", { restoredFrom: revision });
}

/** Deletes a runbook and its revisions (the audit log keeps what it was). */
export async function deleteRunbookIn(writer: RunbookWriter, slug: string, expectedVersion: number | undefined, audit: RunbookAudit): Promise<void> {
  const current = await writer.runbook.findUnique({ where: { slug }, select: RUNBOOK_FIELDS });
  if (!current) throw new NotFoundError(`There is no runbook "${slug}".`);
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw new RunbookConflictError(slug, expectedVersion, current.version);
  await writer.runbook.delete({ where: { id: current.id }, select: { id: true } });
  await audit(writer, { action: "runbook.delete", targetId: slug, before: auditView(slug, current.version, current) });
}

/** The audit writer for changes Vigil makes by itself (the CLI's import, the seed). */
export function systemAudit(actorName: string): RunbookAudit {
  return async (writer, entry) => {
    await writer.auditEvent.create({
      data: {
        actorType: "system",
        actorId: null,
        actorName,
        action: entry.action,
        targetType: "runbook",
        targetId: entry.targetId,
        before: entry.before,
        after: entry.after,
      },
      select: { id: true },
    });
  };
}
