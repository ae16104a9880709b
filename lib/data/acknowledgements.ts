import "server-only";
import { z } from "zod";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import type { MergedAlert } from "@/lib/alertmanager/merge";
import { severityOf } from "@/lib/alertmanager/severity";
import type { Actor } from "@/lib/auth/actor";
import { commonLabels, matchersForLabels } from "@/lib/alerts/links";
import type { AlertAcknowledgement } from "@/lib/alerts/types";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, UpstreamError, ValidationError } from "@/lib/errors";
import type { AcknowledgeInput, AlertRef, UnacknowledgeInput } from "@/lib/validations/alerts";
import { alertCluster, fetchClusterAlerts, invalidateClusterAlerts } from "./alerts";

/*
 * Acknowledgements are keyed by cluster + fingerprint + startsAt (a unique constraint), so an alert
 * that resolves and fires again (a new startsAt) is unacknowledged again without anyone acting.
 * Acknowledging never silences: notifications keep flowing unless "and silence" is asked for.
 */

export interface AcknowledgementConflict {
  fingerprint: string;
  startsAt: string;
  acknowledgedBy: string;
  acknowledgedAt: string;
}

/** Someone acknowledged first: the answer is 409 naming them. */
export class AcknowledgedFirstError extends ConflictError {
  constructor(readonly conflicts: AcknowledgementConflict[]) {
    const [first] = conflicts;
    super(
      conflicts.length === 1 && first
        ? `Already acknowledged by ${first.acknowledgedBy} at ${first.acknowledgedAt}.`
        : `All ${conflicts.length} alerts were already acknowledged${first ? `, first by ${first.acknowledgedBy} at ${first.acknowledgedAt}` : ""}.`,
    );
    this.name = "AcknowledgedFirstError";
  }
}

export interface AcknowledgeResult {
  cluster: string;
  acknowledged: Array<{ id: string; fingerprint: string; startsAt: string }>;
  /** Alerts of the request someone else had already acknowledged. */
  conflicts: AcknowledgementConflict[];
  silence?: { id: string; matchers: string[] } | { error: string };
}

const keyOf = (fingerprint: string, startsAt: Date | string) => `${fingerprint}@${new Date(startsAt).getTime()}`;

const ackSelect = {
  id: true,
  fingerprint: true,
  startsAt: true,
  note: true,
  expiresAt: true,
  createdAt: true,
  silenceId: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

const acknowledgementRowSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  startsAt: z.coerce.date(),
  note: z.string().nullable(),
  expiresAt: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
  silenceId: z.string().nullable(),
  createdByName: z.string(),
});

/**
 * The live acknowledgement of each listed alert's current episode, keyed `fingerprint@startsAtMs`.
 * One statement over the listed episodes' time span (index acknowledgements_cluster_starts_at_idx),
 * matched here: the alert list asks for every firing alert, and 10,000 fingerprints as parameters
 * cost more to send and bind than the few acknowledgements of that span cost to read.
 */
export async function acknowledgementsFor(cluster: string, alerts: ReadonlyArray<Pick<MergedAlert, "fingerprint" | "startsAt">>, now = new Date()): Promise<Map<string, AlertAcknowledgement>> {
  const found = new Map<string, AlertAcknowledgement>();
  let first = Infinity;
  let last = -Infinity;
  for (const alert of alerts) {
    const startsAt = Date.parse(alert.startsAt);
    if (startsAt < first) first = startsAt;
    if (startsAt > last) last = startsAt;
  }
  if (first > last) return found;
  const rows = z.array(acknowledgementRowSchema).parse(
    await db().$queryRaw`
      select a.id::text as "id", a.fingerprint, a.starts_at as "startsAt", a.note, a.expires_at as "expiresAt",
             a.created_at as "createdAt", a.silence_id as "silenceId", u.name as "createdByName"
        from acknowledgements a join users u on u.id = a.created_by_id
       where a.cluster = ${cluster} and a.revoked_at is null and a.starts_at between ${new Date(first)} and ${new Date(last)}`,
  );
  if (rows.length === 0) return found;
  // Usually a handful of rows: the listed episodes' keys are only worked out when there are some.
  const wanted = new Set(alerts.map((alert) => keyOf(alert.fingerprint, alert.startsAt)));
  for (const row of rows) {
    const key = keyOf(row.fingerprint, row.startsAt);
    if (wanted.has(key)) found.set(key, toView({ ...row, createdBy: { name: row.createdByName } }, now));
  }
  return found;
}

function toView(row: { id: string; note: string | null; expiresAt: Date | null; createdAt: Date; silenceId: string | null; createdBy: { name: string } }, now: Date): AlertAcknowledgement {
  return {
    id: row.id,
    by: row.createdBy.name,
    at: row.createdAt.toISOString(),
    note: row.note,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    expired: row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime(),
    silenceId: row.silenceId,
  };
}

/** Finds each requested alert among those firing now; a resolved one is a 404, a re-fired one a 409. */
function resolveAlerts(requested: readonly AlertRef[], firing: readonly MergedAlert[]): MergedAlert[] {
  const byFingerprint = new Map(firing.map((alert) => [alert.fingerprint, alert]));
  return requested.map((ref, index) => {
    const alert = byFingerprint.get(ref.fingerprint);
    if (!alert) throw new NotFoundError(`No Alertmanager holds an alert with fingerprint ${ref.fingerprint} (alerts.${index}); it may have resolved.`);
    if (new Date(alert.startsAt).getTime() !== new Date(ref.startsAt).getTime()) {
      throw new ConflictError(`The alert ${alert.labels.alertname ?? ref.fingerprint} fired again at ${alert.startsAt}: reload and acknowledge the new episode.`);
    }
    return alert;
  });
}

/**
 * Acknowledges one alert or a group. Each alert's episode is acknowledged by whoever's transaction
 * commits first (the unique key, then a conditional update); the others get its name. An unacknowledged
 * or expired acknowledgement of the same episode is taken over. "And silence" creates one silence
 * matching the labels the acknowledged alerts share, and records its id on them.
 */
export async function acknowledgeAlerts(actor: Actor, input: AcknowledgeInput, address: string | null, options: { firing?: MergedAlert[] } = {}): Promise<AcknowledgeResult> {
  const cluster = alertCluster();
  const firing = options.firing ?? (await fetchClusterAlerts()).alerts;
  const unique = [...new Map(input.alerts.map((ref) => [keyOf(ref.fingerprint, ref.startsAt), ref])).values()];
  const alerts = resolveAlerts(unique, firing);
  if (input.silenceMinutes !== undefined && Object.keys(commonLabels(alerts.map((alert) => alert.labels))).length === 0) {
    throw new ValidationError("silenceMinutes: these alerts share no label, so no silence can match only them; silence them from the silences page.", [
      { path: "silenceMinutes", message: "the alerts share no label to silence them by" },
    ]);
  }
  const now = new Date();
  const expiresAt = input.expiresInMinutes ? new Date(now.getTime() + input.expiresInMinutes * 60_000) : null;
  const note = input.note ? input.note : null;

  const outcome = await db().$transaction(async (tx) => {
    const rows = alerts.map((alert) => ({
      cluster,
      fingerprint: alert.fingerprint,
      startsAt: new Date(alert.startsAt),
      alertName: alert.labels.alertname ?? "",
      labels: alert.labels,
      note,
      expiresAt,
      createdAt: now,
      createdById: actor.userId,
    }));
    const inserted = await tx.acknowledgement.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true, fingerprint: true, startsAt: true } });
    const won = new Map(inserted.map((row) => [keyOf(row.fingerprint, row.startsAt), row]));
    const conflicts: AcknowledgementConflict[] = [];
    for (const row of rows) {
      const key = keyOf(row.fingerprint, row.startsAt);
      if (won.has(key)) continue;
      const where = { cluster, fingerprint: row.fingerprint, startsAt: row.startsAt };
      // Take over an acknowledgement that was withdrawn or has lapsed; a live one belongs to its author.
      const takenOver = await tx.acknowledgement.updateMany({
        where: { ...where, OR: [{ revokedAt: { not: null } }, { expiresAt: { lte: now } }] },
        data: { note, expiresAt, createdAt: now, createdById: actor.userId, revokedAt: null, revokedById: null, silenceId: null, labels: row.labels },
      });
      const current = await tx.acknowledgement.findUniqueOrThrow({
        where: { cluster_fingerprint_startsAt: where },
        select: { id: true, fingerprint: true, startsAt: true, createdAt: true, createdBy: { select: { name: true } } },
      });
      if (takenOver.count === 1) won.set(key, current);
      else conflicts.push({ fingerprint: row.fingerprint, startsAt: row.startsAt.toISOString(), acknowledgedBy: current.createdBy.name, acknowledgedAt: current.createdAt.toISOString() });
    }
    const acknowledged = [...won.values()];
    if (acknowledged.length === 0) return { acknowledged, conflicts };
    await tx.acknowledgementEvent.createMany({
      data: acknowledged.map((row) => ({ acknowledgementId: row.id, action: "acknowledged" as const, actorId: actor.userId, note, at: now })),
    });
    const wonRows = rows.filter((row) => won.has(keyOf(row.fingerprint, row.startsAt)));
    await tx.alertEpisode.createMany({
      data: wonRows.map((row) => ({
        cluster,
        fingerprint: row.fingerprint,
        startsAt: row.startsAt,
        alertName: row.alertName,
        labels: row.labels,
        severity: severityOf(row.labels),
        source: "alertmanager",
      })),
      skipDuplicates: true,
    });
    for (const row of wonRows) {
      await tx.alertEpisode.updateMany({ where: { cluster, fingerprint: row.fingerprint, startsAt: row.startsAt, acknowledgedAt: null }, data: { acknowledgedAt: now } });
      const ack = won.get(keyOf(row.fingerprint, row.startsAt));
      await recordAudit(tx, {
        actor,
        action: "alert.acknowledge",
        targetType: "acknowledgement",
        targetId: ack?.id ?? "",
        after: { cluster, fingerprint: row.fingerprint, startsAt: row.startsAt.toISOString(), labels: row.labels, note, expiresAt: expiresAt?.toISOString() ?? null },
        address,
      });
    }
    return { acknowledged, conflicts };
    // A whole group is one transaction (one audit row per alert): give it more than the 5 s default.
  }, { timeout: 30_000 });

  if (outcome.acknowledged.length === 0) throw new AcknowledgedFirstError(outcome.conflicts);
  const result: AcknowledgeResult = {
    cluster,
    acknowledged: outcome.acknowledged.map((row) => ({ id: row.id, fingerprint: row.fingerprint, startsAt: row.startsAt.toISOString() })),
    conflicts: outcome.conflicts,
  };
  if (input.silenceMinutes !== undefined) {
    const wonAlerts = alerts.filter((alert) => outcome.acknowledged.some((row) => row.fingerprint === alert.fingerprint));
    result.silence = await silenceAcknowledged(actor, wonAlerts, result.acknowledged.map((row) => row.id), input.silenceMinutes, note, address);
  }
  return result;
}

/** Creates the linked silence; a refusal or an outage is reported beside the acknowledgement, which stands. */
async function silenceAcknowledged(actor: Actor, alerts: MergedAlert[], ackIds: string[], minutes: number, note: string | null, address: string | null): Promise<{ id: string; matchers: string[] } | { error: string }> {
  const matchers = matchersForLabels(commonLabels(alerts.map((alert) => alert.labels)));
  const startsAt = new Date();
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const names = [...new Set(alerts.map((alert) => alert.labels.alertname ?? alert.fingerprint))].join(", ");
  const silence = {
    matchers,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    createdBy: actor.name,
    comment: note ? `Acknowledged in Vigil: ${note}` : `Acknowledged and silenced in Vigil (${names})`,
  };
  let silenceId: string;
  try {
    silenceId = (await getAlertmanagers().createOrUpdateSilence(silence)).data.silenceID;
    invalidateClusterAlerts();
  } catch (error) {
    if (error instanceof UpstreamError) return { error: `The alerts are acknowledged, but the silence was not created: ${error.message}` };
    throw error;
  }
  await db().$transaction(async (tx) => {
    await tx.acknowledgement.updateMany({ where: { id: { in: ackIds } }, data: { silenceId } });
    await tx.acknowledgementEvent.updateMany({ where: { acknowledgementId: { in: ackIds }, action: "acknowledged", at: { gte: new Date(startsAt.getTime() - 60_000) }, silenceId: null }, data: { silenceId } });
    await recordAudit(tx, {
      actor,
      action: "silence.create",
      targetType: "silence",
      targetId: silenceId,
      after: { ...silence, acknowledgements: ackIds },
      address,
    });
  });
  return { id: silenceId, matchers: matchers.map((matcher) => `${matcher.name}="${matcher.value}"`) };
}

/** Withdraws an acknowledgement (kept in the history); a second withdrawal is a 409. */
export async function unacknowledge(actor: Actor, id: string, input: UnacknowledgeInput, address: string | null): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const ack = await tx.acknowledgement.findUnique({ where: { id }, select: { ...ackSelect, cluster: true, labels: true } });
    if (!ack) throw new NotFoundError("No acknowledgement with this id.");
    const revokedAt = new Date();
    const revoked = await tx.acknowledgement.updateMany({ where: { id, revokedAt: null }, data: { revokedAt, revokedById: actor.userId } });
    if (revoked.count === 0) throw new ConflictError("This acknowledgement was already withdrawn.");
    await tx.acknowledgementEvent.create({ data: { acknowledgementId: id, action: "unacknowledged", actorId: actor.userId, note: input.note ?? null, at: revokedAt } });
    await recordAudit(tx, {
      actor,
      action: "alert.unacknowledge",
      targetType: "acknowledgement",
      targetId: id,
      before: { cluster: ack.cluster, fingerprint: ack.fingerprint, startsAt: ack.startsAt.toISOString(), acknowledgedBy: ack.createdBy.name, note: ack.note },
      after: { revoked: true, note: input.note ?? null },
      address,
    });
    return { id };
  });
}

export interface AcknowledgementHistoryEntry {
  id: string;
  startsAt: string;
  by: string;
  at: string;
  note: string | null;
  expiresAt: string | null;
  expired: boolean;
  revoked: boolean;
  silenceId: string | null;
  events: Array<{ action: "acknowledged" | "unacknowledged" | "expired"; by: string | null; at: string; note: string | null; silenceId: string | null }>;
}

/** Every acknowledgement of an alert (all its episodes), newest first, each with its events. */
export async function acknowledgementHistory(cluster: string, fingerprint: string, now = new Date()): Promise<AcknowledgementHistoryEntry[]> {
  const rows = await db().acknowledgement.findMany({
    where: { cluster, fingerprint },
    orderBy: { startsAt: "desc" },
    take: 50,
    select: {
      ...ackSelect,
      events: { orderBy: { at: "asc" }, select: { action: true, at: true, note: true, silenceId: true, actor: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    ...toView(row, now),
    startsAt: row.startsAt.toISOString(),
    revoked: row.revokedAt !== null,
    events: row.events.map((event) => ({ action: event.action, by: event.actor?.name ?? null, at: event.at.toISOString(), note: event.note, silenceId: event.silenceId })),
  }));
}

/**
 * Writes an `expired` event for each acknowledgement whose expiry has passed since it was last given.
 * Under a transaction-scoped advisory lock, so two consoles polling at once write each event once.
 */
export async function recordExpiredAcknowledgements(): Promise<number> {
  const [, inserted] = await db().$transaction([
    db().$queryRaw`SELECT pg_advisory_xact_lock(740211)::text AS locked`,
    db().$executeRaw`
      INSERT INTO acknowledgement_events (acknowledgement_id, action, at)
      SELECT a.id, 'expired', GREATEST(a.expires_at, a.created_at) FROM acknowledgements a
      WHERE a.expires_at <= now() AND a.revoked_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM acknowledgement_events e WHERE e.acknowledgement_id = a.id AND e.action = 'expired' AND e.at >= a.created_at)`,
  ]);
  return inserted;
}
