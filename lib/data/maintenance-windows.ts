import "server-only";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextOccurrences } from "@/lib/silences/schedule";
import {
  matcherInputSchema,
  windowScheduleSchema,
  type MaintenanceWindowBody,
  type MaintenanceWindowView,
} from "@/lib/validations/silences";
import { z } from "zod";

/*
 * Recurring maintenance windows, stored in Postgres. The silences themselves are made by the
 * scheduler (lib/silences/maintenance-scheduler.ts); a change to a window expires the silences of
 * its current and coming occurrences, so the scheduler recreates them under the new settings.
 */

const storedMatchers = z.array(matcherInputSchema);

const windowSelect = {
  id: true,
  name: true,
  schedule: true,
  durationMinutes: true,
  timezone: true,
  matchers: true,
  comment: true,
  enabled: true,
  createdByName: true,
  createdAt: true,
  updatedAt: true,
  occurrences: { select: { startsAt: true, endsAt: true, silenceId: true }, orderBy: { startsAt: "desc" }, take: 5 },
} satisfies Prisma.MaintenanceWindowSelect;

type WindowRow = Prisma.MaintenanceWindowGetPayload<{ select: typeof windowSelect }>;

/** A stored window, its JSON columns parsed (a row that no longer parses is a bug worth a loud error). */
export function parseWindowRow(row: Pick<WindowRow, "schedule" | "matchers">) {
  return { schedule: windowScheduleSchema.parse(row.schedule), matchers: storedMatchers.parse(row.matchers) };
}

function view(row: WindowRow, now: Date): MaintenanceWindowView {
  const { schedule, matchers } = parseWindowRow(row);
  const next = row.enabled ? nextOccurrences({ schedule, durationMinutes: row.durationMinutes, timezone: row.timezone }, now, 3) : [];
  return {
    id: row.id,
    name: row.name,
    schedule,
    durationMinutes: row.durationMinutes,
    timezone: row.timezone,
    matchers,
    comment: row.comment,
    enabled: row.enabled,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    next: next.map((occurrence) => ({ start: occurrence.start.toISOString(), end: occurrence.end.toISOString() })),
    recent: row.occurrences.map((occurrence) => ({
      start: occurrence.startsAt.toISOString(),
      end: occurrence.endsAt.toISOString(),
      silenceId: occurrence.silenceId,
    })),
  };
}

export async function listMaintenanceWindows(now = new Date()): Promise<MaintenanceWindowView[]> {
  const rows = await db().maintenanceWindow.findMany({ select: windowSelect, orderBy: { name: "asc" } });
  return rows.map((row) => view(row, now));
}

function auditable(body: MaintenanceWindowBody): Prisma.InputJsonObject {
  return {
    name: body.name,
    schedule: body.schedule,
    durationMinutes: body.durationMinutes,
    timezone: body.timezone,
    matchers: body.matchers,
    comment: body.comment,
    enabled: body.enabled,
  };
}

function columns(body: MaintenanceWindowBody) {
  return {
    name: body.name,
    schedule: body.schedule,
    durationMinutes: body.durationMinutes,
    timezone: body.timezone,
    matchers: body.matchers,
    comment: body.comment,
    enabled: body.enabled,
  };
}

export async function createMaintenanceWindow(actor: Actor, body: MaintenanceWindowBody, address: string | null): Promise<MaintenanceWindowView> {
  const row = await db().$transaction(async (tx) => {
    const created = await tx.maintenanceWindow.create({
      data: { ...columns(body), createdByName: actor.name, createdById: actor.userId },
      select: windowSelect,
    });
    await recordAudit(tx, { actor, action: "maintenance_window.create", targetType: "maintenance_window", targetId: created.id, after: auditable(body), address });
    return created;
  });
  return view(row, new Date());
}

/**
 * Expires the silences of a window's current and future occurrences and forgets those claims, so
 * the scheduler makes them again from the window as it is now (or not at all, once deleted).
 */
async function releaseLiveOccurrences(windowId: string, now: Date): Promise<string[]> {
  const live = await db().maintenanceOccurrence.findMany({ where: { windowId, endsAt: { gt: now } }, select: { id: true, silenceId: true } });
  const expired: string[] = [];
  for (const occurrence of live) {
    if (occurrence.silenceId) {
      // Already gone from Alertmanager (expired by hand) is fine: the goal is that it no longer mutes.
      await getAlertmanagers()
        .deleteSilence(occurrence.silenceId)
        .then(() => expired.push(occurrence.silenceId ?? ""))
        .catch((error: unknown) => console.warn(`Maintenance window ${windowId}: could not expire silence ${occurrence.silenceId}: ${String(error)}`));
    }
  }
  await db().maintenanceOccurrence.deleteMany({ where: { id: { in: live.map((occurrence) => occurrence.id) } } });
  return expired;
}

export async function updateMaintenanceWindow(actor: Actor, id: string, body: MaintenanceWindowBody, address: string | null): Promise<MaintenanceWindowView> {
  const row = await db().$transaction(async (tx) => {
    const before = await tx.maintenanceWindow.findUnique({ where: { id }, select: windowSelect });
    if (!before) throw new NotFoundError("No maintenance window with this id.");
    const updated = await tx.maintenanceWindow.update({ where: { id }, data: columns(body), select: windowSelect });
    const old = parseWindowRow(before);
    await recordAudit(tx, {
      actor,
      action: "maintenance_window.update",
      targetType: "maintenance_window",
      targetId: id,
      before: { name: before.name, schedule: old.schedule, durationMinutes: before.durationMinutes, timezone: before.timezone, matchers: old.matchers, comment: before.comment, enabled: before.enabled },
      after: auditable(body),
      address,
    });
    return updated;
  });
  await releaseLiveOccurrences(id, new Date());
  return view(row, new Date());
}

export async function deleteMaintenanceWindow(actor: Actor, id: string, address: string | null): Promise<{ id: string; expiredSilences: string[] }> {
  const existing = await db().maintenanceWindow.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw new NotFoundError("No maintenance window with this id.");
  const expiredSilences = await releaseLiveOccurrences(id, new Date());
  await db().$transaction(async (tx) => {
    const before = await tx.maintenanceWindow.findUnique({ where: { id }, select: windowSelect });
    if (!before) throw new NotFoundError("No maintenance window with this id.");
    await tx.maintenanceWindow.delete({ where: { id } });
    const old = parseWindowRow(before);
    await recordAudit(tx, {
      actor,
      action: "maintenance_window.delete",
      targetType: "maintenance_window",
      targetId: id,
      before: { name: before.name, schedule: old.schedule, durationMinutes: before.durationMinutes, timezone: before.timezone, matchers: old.matchers, comment: before.comment, enabled: before.enabled },
      after: { expiredSilences },
      address,
    });
  });
  return { id, expiredSilences };
}
