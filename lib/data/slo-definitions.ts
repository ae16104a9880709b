import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { sloId, type SloDefinition } from "@/lib/slo/model";
import { sloFromStoredSpec, storedSloSpecSchema, storedSpecInput, type StoredSloSpec } from "@/lib/slo/spec";

/** Who is changing SLOs, for the audit rows and the created/updated-by columns. */
export interface SloEditor {
  actor: Actor;
  address: string | null;
}

/** What the console knows of a stored SLO besides its spec. */
export interface StoredSloMeta {
  id: string;
  version: number;
  createdBy: string;
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredSlo extends StoredSloMeta {
  spec: StoredSloSpec;
  slo: SloDefinition;
}

/** A save over a version someone else has replaced: the answer (409) names who and when. */
export class SloConflictError extends ConflictError {
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly current: StoredSloMeta,
  ) {
    super(
      `SLO ${id} was changed by ${current.updatedBy} at ${current.updatedAt} since you opened it (you edited version ${expectedVersion}; it is now at version ${current.version}). Reload it and make your change again.`,
    );
    this.name = "SloConflictError";
  }
}

const SELECT = {
  id: true,
  spec: true,
  version: true,
  createdByName: true,
  updatedByName: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.SloDefinitionRecordSelect;

type Row = Prisma.SloDefinitionRecordGetPayload<{ select: typeof SELECT }>;

function metaOf(row: Row): StoredSloMeta {
  return {
    id: row.id,
    version: row.version,
    createdBy: row.createdByName,
    updatedBy: row.updatedByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A row whose spec no longer validates (the schema moved on) is reported, not dropped silently. */
function parseRow(row: Row): StoredSlo | { id: string; problem: string } {
  const parsed = storedSloSpecSchema.safeParse(row.spec);
  if (!parsed.success) return { id: row.id, problem: `stored SLO ${row.id}: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}` };
  return { ...metaOf(row), spec: parsed.data, slo: sloFromStoredSpec(parsed.data, { file: "database", format: "stored" }) };
}

export async function listStoredSlos(): Promise<{ slos: StoredSlo[]; problems: string[] }> {
  const rows = await db().sloDefinitionRecord.findMany({ select: SELECT, orderBy: { id: "asc" } });
  const slos: StoredSlo[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = parseRow(row);
    if ("problem" in parsed) problems.push(parsed.problem);
    else slos.push(parsed);
  }
  return { slos, problems };
}

export async function findStoredSlo(id: string): Promise<StoredSlo | undefined> {
  const row = await db().sloDefinitionRecord.findUnique({ where: { id }, select: SELECT });
  if (!row) return undefined;
  const parsed = parseRow(row);
  if ("problem" in parsed) throw new ValidationError(parsed.problem);
  return parsed;
}

function authorOf(editor: SloEditor): { id: string | null; name: string } {
  return { id: editor.actor.userId, name: editor.actor.name };
}

/** Stored in its canonical input form, so the form and files read it back as written. */
function json(spec: StoredSloSpec): Prisma.InputJsonValue {
  return storedSpecInput(spec);
}

/** Creates an SLO; its id must be free among files (`fileIds`) and stored SLOs. */
export async function createStoredSlo(editor: SloEditor, spec: StoredSloSpec, fileIds: ReadonlySet<string>): Promise<StoredSlo> {
  const id = sloId(spec.service, spec.name);
  if (fileIds.has(id)) throw new ConflictError(`SLO ${id} is defined in a file in slos/; choose another name.`);
  const author = authorOf(editor);
  try {
    await db().$transaction(async (tx) => {
      await tx.sloDefinitionRecord.create({
        data: { id, service: spec.service, name: spec.name, spec: json(spec), version: 1, createdById: author.id, createdByName: author.name, updatedById: author.id, updatedByName: author.name },
        select: { id: true },
      });
      await recordAudit(tx, { actor: editor.actor, address: editor.address, action: "slo.create", targetType: "slo", targetId: id, after: { version: 1, spec: json(spec) } });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError(`An SLO with the id ${id} already exists; choose another name.`);
    throw error;
  }
  const created = await findStoredSlo(id);
  if (!created) throw new NotFoundError(`No SLO with id ${id}.`);
  return created;
}

/** Saves `spec` over `expectedVersion`; a newer stored version refuses the save (SloConflictError) and writes nothing. */
export async function updateStoredSlo(editor: SloEditor, id: string, expectedVersion: number, spec: StoredSloSpec): Promise<StoredSlo> {
  const newId = sloId(spec.service, spec.name);
  if (newId !== id) {
    const message = `the service and name make the SLO's id (${id}); to rename, create a new SLO and delete this one`;
    throw new ValidationError(`spec.name: ${message}`, [{ path: "spec.name", message }]);
  }
  const author = authorOf(editor);
  await db().$transaction(async (tx) => {
    const current = await tx.sloDefinitionRecord.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError(`No stored SLO with id ${id}.`);
    if (current.version !== expectedVersion) throw new SloConflictError(id, expectedVersion, metaOf(current));
    // The version in the condition makes check and write one step: of two racing saves, one wins.
    const { count } = await tx.sloDefinitionRecord.updateMany({
      where: { id, version: expectedVersion },
      data: { spec: json(spec), version: expectedVersion + 1, updatedById: author.id, updatedByName: author.name },
    });
    if (count === 0) {
      const now = await tx.sloDefinitionRecord.findUniqueOrThrow({ where: { id }, select: SELECT });
      throw new SloConflictError(id, expectedVersion, metaOf(now));
    }
    await recordAudit(tx, {
      actor: editor.actor,
      address: editor.address,
      action: "slo.update",
      targetType: "slo",
      targetId: id,
      before: { version: current.version, spec: current.spec ?? null },
      after: { version: expectedVersion + 1, spec: json(spec) },
    });
  });
  const saved = await findStoredSlo(id);
  if (!saved) throw new NotFoundError(`No SLO with id ${id}.`);
  return saved;
}

export async function deleteStoredSlo(editor: SloEditor, id: string, expectedVersion: number | undefined): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await tx.sloDefinitionRecord.findUnique({ where: { id }, select: SELECT });
    if (!current) throw new NotFoundError(`No stored SLO with id ${id}.`);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new SloConflictError(id, expectedVersion, metaOf(current));
    await tx.sloDefinitionRecord.delete({ where: { id }, select: { id: true } });
    await recordAudit(tx, {
      actor: editor.actor,
      address: editor.address,
      action: "slo.delete",
      targetType: "slo",
      targetId: id,
      before: { version: current.version, spec: current.spec ?? null },
    });
  });
}
