import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadProvisionedDashboards } from "@/lib/dashboards/files";
import { dashboardSchema, type Dashboard, type LayoutItem } from "@/lib/dashboards/schema";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";

export type DashboardSource = "provisioned" | "database";

export interface DashboardSummary {
  uid: string;
  title: string;
  tags: string[];
  source: DashboardSource;
  /** Null for provisioned dashboards, which are versioned by git. */
  version: number | null;
  updatedAt: string | null;
}

export interface StoredDashboard {
  dashboard: Dashboard;
  source: DashboardSource;
  version: number | null;
  updatedAt: string | null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A stored spec is re-validated on read: a row written by an older schema must not reach a panel unchecked. */
function parseStored(spec: unknown, uid: string): Dashboard {
  const parsed = dashboardSchema.safeParse(spec);
  if (!parsed.success) throw new ValidationError(`Stored dashboard "${uid}" no longer matches the dashboard schema.`);
  return parsed.data;
}

/** Every dashboard: provisioned files first (a broken file is skipped here; see loadProvisionedDashboards), then stored ones. */
export async function listDashboards(): Promise<DashboardSummary[]> {
  const [files, rows] = await Promise.all([
    loadProvisionedDashboards(),
    db().dashboard.findMany({ select: { uid: true, title: true, tags: true, version: true, updatedAt: true }, orderBy: { title: "asc" } }),
  ]);
  const provisioned: DashboardSummary[] = files.flatMap((file) =>
    file.ok ? [{ uid: file.dashboard.uid, title: file.dashboard.title, tags: file.dashboard.tags, source: "provisioned" as const, version: null, updatedAt: null }] : [],
  );
  const taken = new Set(provisioned.map((item) => item.uid));
  const stored = rows
    .filter((row) => !taken.has(row.uid))
    .map((row) => ({ uid: row.uid, title: row.title, tags: row.tags, source: "database" as const, version: row.version, updatedAt: row.updatedAt.toISOString() }));
  return [...provisioned, ...stored];
}

/** One dashboard by uid; a provisioned file wins over a row with the same uid. */
export async function getDashboard(uid: string): Promise<StoredDashboard> {
  const file = (await loadProvisionedDashboards()).find((item) => item.ok && item.dashboard.uid === uid);
  if (file?.ok) return { dashboard: file.dashboard, source: "provisioned", version: null, updatedAt: null };
  const row = await db().dashboard.findUnique({ where: { uid } });
  if (!row) throw new NotFoundError(`There is no dashboard "${uid}".`);
  return { dashboard: parseStored(row.spec, uid), source: "database", version: row.version, updatedAt: row.updatedAt.toISOString() };
}

async function assertNotProvisioned(uid: string): Promise<void> {
  const files = await loadProvisionedDashboards();
  if (files.some((item) => item.ok && item.dashboard.uid === uid)) {
    throw new ConflictError(`"${uid}" is a provisioned dashboard (a file in dashboards/): change it in the repository, or save a copy under another uid.`);
  }
}

/** Who may create a dashboard: a person or token, or the system itself (`vigil dashboards import` on the server). */
export type DashboardCreator = Actor | { type: "system"; name: string };

/** Creates a stored dashboard (also "save as" and import). */
export async function createDashboard(actor: DashboardCreator, dashboard: Dashboard, address: string | null): Promise<StoredDashboard> {
  const userId = actor.type === "system" ? null : actor.userId;
  await assertNotProvisioned(dashboard.uid);
  try {
    const row = await db().$transaction(async (tx) => {
      const created = await tx.dashboard.create({
        data: {
          uid: dashboard.uid,
          title: dashboard.title,
          tags: dashboard.tags,
          spec: dashboard as Prisma.InputJsonValue,
          createdById: userId,
          updatedById: userId,
        },
      });
      await recordAudit(tx, { actor, action: "dashboard.create", targetType: "dashboard", targetId: dashboard.uid, after: { title: dashboard.title, version: 1 }, address });
      return created;
    });
    return { dashboard, source: "database", version: row.version, updatedAt: row.updatedAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A dashboard with uid "${dashboard.uid}" already exists.`);
    throw error;
  }
}

/**
 * Saves a new version of a stored dashboard. `baseVersion` is the version the editor started from;
 * if someone saved since, the save is refused (409) rather than silently overwriting their change.
 */
export async function updateDashboard(
  actor: Actor,
  uid: string,
  dashboard: Dashboard,
  baseVersion: number,
  address: string | null,
): Promise<StoredDashboard> {
  if (dashboard.uid !== uid) throw new ValidationError("The dashboard's uid cannot change on save; use save as.", [{ path: "uid", message: "must stay " + uid }]);
  await assertNotProvisioned(uid);
  const row = await db().$transaction(async (tx) => {
    const current = await tx.dashboard.findUnique({ where: { uid }, select: { version: true, title: true, updatedById: true } });
    if (!current) throw new NotFoundError(`There is no dashboard "${uid}".`);
    const updated = await tx.dashboard.updateMany({
      where: { uid, version: baseVersion },
      data: { title: dashboard.title, tags: dashboard.tags, spec: dashboard as Prisma.InputJsonValue, version: { increment: 1 }, updatedById: actor.userId },
    });
    if (updated.count === 0) {
      throw new ConflictError(`"${dashboard.title}" was saved by someone else since you opened it (now version ${current.version}, you edited ${baseVersion}). Reload to see their change, or save yours as a copy.`);
    }
    await recordAudit(tx, {
      actor,
      action: "dashboard.update",
      targetType: "dashboard",
      targetId: uid,
      before: { title: current.title, version: current.version },
      after: { title: dashboard.title, version: current.version + 1 },
      address,
    });
    return tx.dashboard.findUniqueOrThrow({ where: { uid }, select: { version: true, updatedAt: true } });
  });
  return { dashboard, source: "database", version: row.version, updatedAt: row.updatedAt.toISOString() };
}

export async function deleteDashboard(actor: Actor, uid: string, address: string | null): Promise<void> {
  await assertNotProvisioned(uid);
  await db().$transaction(async (tx) => {
    const current = await tx.dashboard.findUnique({ where: { uid }, select: { title: true, version: true } });
    if (!current) throw new NotFoundError(`There is no dashboard "${uid}".`);
    await tx.dashboard.delete({ where: { uid } });
    await recordAudit(tx, { actor, action: "dashboard.delete", targetType: "dashboard", targetId: uid, before: current, address });
  });
}

/** Appends a panel at the bottom of a stored dashboard ("add to dashboard" from Explore), as a new version. */
export async function appendPanel(actor: Actor, uid: string, panel: LayoutItem, address: string | null): Promise<StoredDashboard> {
  const current = await getDashboard(uid);
  if (current.source === "provisioned" || current.version === null) {
    throw new ConflictError(`"${uid}" is a provisioned dashboard and read-only; add the panel to a stored dashboard.`);
  }
  const bottom = current.dashboard.panels.reduce((max, item) => Math.max(max, item.type === "row" ? 0 : item.gridPos.y + item.gridPos.h), 0);
  const placed = panel.type === "row" ? panel : { ...panel, gridPos: { ...panel.gridPos, y: bottom } };
  const next = dashboardSchema.parse({ ...current.dashboard, panels: [...current.dashboard.panels, placed] });
  return updateDashboard(actor, uid, next, current.version, address);
}
