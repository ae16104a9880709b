import "server-only";
import { getAlertmanagers, type AlertmanagerCluster } from "@/lib/alertmanager/client";
import { recordAuditNow } from "@/lib/data/audit";
import { parseWindowRow } from "@/lib/data/maintenance-windows";
import { db } from "@/lib/db";
import { toAlertmanagerMatcher } from "@/lib/validations/silences";
import { occurrencesDue } from "./schedule";

/*
 * Turns maintenance windows into real silences. Every tick, each enabled window's due occurrences
 * (under way, or starting within LEAD_MS) get a silence from the occurrence's start to its end;
 * Alertmanager ends it on time by itself. Several console instances may tick at once: each first
 * inserts the (window, start) row, and only the instance whose insert went in creates the silence.
 */

/** Silences are made this long ahead, as pending, so they begin exactly on time. */
export const LEAD_MS = 5 * 60_000;
const TICK_MS = 30_000;
/** A claim whose silence never got an id (the instance died mid-way) is retried after this. */
const STALE_CLAIM_MS = 2 * 60_000;

const SYSTEM_ACTOR = { type: "system" as const, name: "maintenance scheduler" };

export interface TickResult {
  created: Array<{ windowId: string; start: string; silenceId: string }>;
  failed: Array<{ windowId: string; start: string; error: string }>;
}

/** One pass over every enabled window. Exported for tests, which call it with their own clock. */
export async function runMaintenanceTick(now = new Date(), cluster: AlertmanagerCluster = getAlertmanagers()): Promise<TickResult> {
  const result: TickResult = { created: [], failed: [] };
  const prisma = db();
  await prisma.maintenanceOccurrence.deleteMany({ where: { silenceId: null, claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } } });
  const windows = await prisma.maintenanceWindow.findMany({ where: { enabled: true } });
  for (const window of windows) {
    let parsed: ReturnType<typeof parseWindowRow>;
    let due: ReturnType<typeof occurrencesDue>;
    try {
      parsed = parseWindowRow(window);
      due = occurrencesDue({ schedule: parsed.schedule, durationMinutes: window.durationMinutes, timezone: window.timezone }, now, LEAD_MS);
    } catch (error) {
      result.failed.push({ windowId: window.id, start: "", error: String(error) });
      continue;
    }
    for (const occurrence of due) {
      const start = occurrence.start.toISOString();
      const claim = await prisma.maintenanceOccurrence.createMany({
        data: [{ windowId: window.id, startsAt: occurrence.start, endsAt: occurrence.end }],
        skipDuplicates: true,
      });
      if (claim.count === 0) continue; // Claimed already, by this instance earlier or by another.
      try {
        const silence = {
          matchers: parsed.matchers.map(toAlertmanagerMatcher),
          startsAt: start,
          endsAt: occurrence.end.toISOString(),
          createdBy: `Vigil maintenance window "${window.name}"`,
          comment: `${window.comment} (maintenance window "${window.name}", occurrence starting ${start})`,
        };
        const written = await cluster.createOrUpdateSilence(silence);
        const silenceId = written.data.silenceID;
        await prisma.maintenanceOccurrence.update({
          where: { windowId_startsAt: { windowId: window.id, startsAt: occurrence.start } },
          data: { silenceId },
        });
        await recordAuditNow({
          actor: SYSTEM_ACTOR,
          action: "maintenance_window.silence_create",
          targetType: "silence",
          targetId: silenceId,
          after: { windowId: window.id, window: window.name, startsAt: start, endsAt: silence.endsAt, instance: written.instance },
        });
        result.created.push({ windowId: window.id, start, silenceId });
      } catch (error) {
        // Give the claim back so the next tick (here or elsewhere) tries again.
        await prisma.maintenanceOccurrence.deleteMany({ where: { windowId: window.id, startsAt: occurrence.start, silenceId: null } });
        const message = error instanceof Error ? error.message : String(error);
        console.error(`Maintenance window "${window.name}": could not create the silence for ${start}: ${message}`);
        result.failed.push({ windowId: window.id, start, error: message });
      }
    }
  }
  return result;
}

const schedulerKey = Symbol.for("vigil.maintenance-scheduler");

/** Starts the ticking once per process (the server's instrumentation calls this, Node runtime only). */
export function startMaintenanceScheduler(): void {
  const holder = globalThis as typeof globalThis & { [schedulerKey]?: ReturnType<typeof setInterval> };
  if (holder[schedulerKey]) return;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runMaintenanceTick()
      .catch((error: unknown) => console.error(`Maintenance scheduler: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = false;
      });
  };
  holder[schedulerKey] = setInterval(tick, TICK_MS);
  holder[schedulerKey].unref();
  setTimeout(tick, 2_000).unref();
}
