import "server-only";
import { formatMatchers } from "@/lib/alertmanager/matchers";
import { getAlertmanagers } from "@/lib/alertmanager/client";
import type { GettableSilence, PostableSilence } from "@/lib/alertmanager/types";
import type { Actor } from "@/lib/auth/actor";
import type { MergedAlert } from "@/lib/alertmanager/merge";
import { invalidateClusterAlerts, latestClusterAlerts } from "@/lib/data/alerts";
import { recordAuditNow } from "@/lib/data/audit";
import { env } from "@/lib/env";
import { NotFoundError, UpstreamError, ValidationError } from "@/lib/errors";
import { exceedsMaxDuration } from "@/lib/silences/duration";
import { mergeSilences, silenceAlertsOf } from "@/lib/silences/merge";
import type { InstanceState, SilencesOverview, SilenceWriteResult } from "@/lib/silences/types";
import { toAlertmanagerMatcher, type SilenceBody } from "@/lib/validations/silences";

/*
 * Silences live in Alertmanager: Vigil proxies them. Reads ask every instance (a silence written
 * to one peer is gossiped to the others); writes go to the first instance that answers. The audit
 * event is written once Alertmanager has taken the change (there is no transaction to share).
 */

function allFailed(errors: UpstreamError[]): UpstreamError {
  const first = errors[0];
  if (!first) throw new Error("allFailed needs at least one error");
  return new UpstreamError({
    upstream: "alertmanager",
    instance: first.instance,
    kind: first.kind,
    message: errors.length === 1 ? first.message : `No Alertmanager answered: ${errors.map((error) => error.message).join("; ")}`,
    cause: first,
  });
}

/** The cluster's alerts from the alert page's snapshot (lib/data/alerts.ts), or why there are none. */
async function snapshotAlerts(signal?: AbortSignal): Promise<{ alerts: MergedAlert[]; instances: ReadonlyMap<string, string | undefined> }> {
  try {
    const { value } = await latestClusterAlerts(signal);
    return { alerts: value.alerts, instances: new Map(value.instances.map((state) => [state.instance, state.ok ? undefined : state.error])) };
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return { alerts: [], instances: new Map(getAlertmanagers().instances.map((instance) => [instance, error.message])) };
  }
}

/**
 * Every silence of the cluster, deduplicated by id and read from every instance on each call,
 * with the alerts they hold and each instance's state. The alerts are those of the alert page's
 * snapshot (at most SNAPSHOT_MAX_AGE_MS old, and re-read after any change made through Vigil):
 * at 10,000 alerts a read of every instance's list is megabytes, too much for each page load.
 */
export async function getSilencesOverview(signal?: AbortSignal): Promise<SilencesOverview> {
  const cluster = getAlertmanagers();
  const [silences, alerts] = await Promise.all([cluster.silences({ signal }), snapshotAlerts(signal)]);
  const instances: InstanceState[] = cluster.instances.map((instance, index) => {
    const failed = silences[index];
    const error = failed && !failed.ok ? failed.error.message : alerts.instances.get(instance);
    return error ? { instance, ok: false, error } : { instance, ok: true };
  });
  const failures = silences.flatMap((result) => (result.ok ? [] : [result.error]));
  if (failures.length === silences.length) throw allFailed(failures);
  return {
    silences: mergeSilences(silences),
    alerts: silenceAlertsOf(alerts.alerts),
    instances,
    maxDurationMs: env().VIGIL_SILENCE_MAX_DURATION ?? null,
    now: new Date().toISOString(),
  };
}

/** One silence, from the first instance that answers; a 404 when no instance knows it. */
export async function getSilence(id: string, signal?: AbortSignal): Promise<{ silence: GettableSilence; instance: string }> {
  try {
    const result = await getAlertmanagers().silence(id, { signal });
    return { silence: result.data, instance: result.instance };
  } catch (error) {
    if (error instanceof UpstreamError && error.kind === "api" && error.status === 404) {
      throw new NotFoundError(`No silence with ID ${id}: Alertmanager does not know it (silences are forgotten a while after they expire).`);
    }
    throw error;
  }
}

function checkMaxDuration(startsAt: string, endsAt: string): void {
  const problem = exceedsMaxDuration(Math.max(Date.parse(startsAt), Date.now()), Date.parse(endsAt), env().VIGIL_SILENCE_MAX_DURATION);
  if (problem) throw new ValidationError(problem, [{ path: "endsAt", message: problem }]);
}

function postable(actor: Actor, body: SilenceBody, startsAt: string, id?: string): PostableSilence {
  return {
    ...(id ? { id } : {}),
    matchers: body.matchers.map(toAlertmanagerMatcher),
    startsAt,
    endsAt: new Date(body.endsAt).toISOString(),
    // Who silenced is the signed-in person, never what the form says.
    createdBy: actor.name,
    comment: body.comment,
  };
}

function auditView(silence: Pick<PostableSilence, "matchers" | "startsAt" | "endsAt" | "createdBy" | "comment">) {
  return {
    matchers: formatMatchers(silence.matchers),
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
  };
}

/** Creates a silence; createdBy is the actor. Alertmanager's own refusal reaches the caller verbatim (a 400). */
export async function createSilence(actor: Actor, body: SilenceBody, address: string | null): Promise<SilenceWriteResult> {
  const startsAt = new Date(body.startsAt ?? Date.now()).toISOString();
  checkMaxDuration(startsAt, body.endsAt);
  const silence = postable(actor, body, startsAt);
  const result = await getAlertmanagers().createOrUpdateSilence(silence);
  // The alert list must show the change at once, not at the next refresh of its snapshot.
  invalidateClusterAlerts();
  await recordAuditNow({
    actor,
    action: "silence.create",
    targetType: "silence",
    targetId: result.data.silenceID,
    after: { ...auditView(silence), instance: result.instance },
    address,
  });
  return { silenceID: result.data.silenceID, instance: result.instance };
}

/**
 * Changes a silence. Alertmanager updates in place when it can and otherwise expires the old one
 * and answers with a NEW id (a changed matcher set, a new start of an active silence, an expired
 * silence): the answer's silenceID is the one to use from now on.
 */
export async function updateSilence(actor: Actor, id: string, body: SilenceBody, address: string | null): Promise<SilenceWriteResult> {
  const { silence: existing } = await getSilence(id);
  // An active silence keeps its start unless one is given: changing it would replace the silence.
  const startsAt = new Date(body.startsAt ?? (existing.status.state === "active" ? existing.startsAt : Date.now())).toISOString();
  checkMaxDuration(startsAt, body.endsAt);
  const silence = postable(actor, body, startsAt, id);
  const result = await getAlertmanagers().createOrUpdateSilence(silence);
  // The alert list must show the change at once, not at the next refresh of its snapshot.
  invalidateClusterAlerts();
  await recordAuditNow({
    actor,
    action: "silence.update",
    targetType: "silence",
    targetId: result.data.silenceID,
    before: { id, ...auditView(existing), state: existing.status.state },
    after: { id: result.data.silenceID, ...auditView(silence), replaced: result.data.silenceID !== id, instance: result.instance },
    address,
  });
  return { silenceID: result.data.silenceID, instance: result.instance };
}

/** Expires a silence now (Alertmanager keeps it, listed as expired, for its retention time). */
export async function expireSilence(actor: Actor, id: string, address: string | null): Promise<SilenceWriteResult> {
  const { silence: existing } = await getSilence(id);
  if (existing.status.state === "expired") {
    throw new ValidationError(`Silence ${id} has already expired.`, [{ path: "id", message: "This silence has already expired." }]);
  }
  const result = await getAlertmanagers().deleteSilence(id);
  // The alert list must show the change at once, not at the next refresh of its snapshot.
  invalidateClusterAlerts();
  await recordAuditNow({
    actor,
    action: "silence.expire",
    targetType: "silence",
    targetId: id,
    before: { ...auditView(existing), state: existing.status.state },
    after: { state: "expired", instance: result.instance },
    address,
  });
  return { silenceID: id, instance: result.instance };
}
