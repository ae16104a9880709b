import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAlertmanagerCluster, type AlertmanagerCluster } from "@/lib/alertmanager/client";
import { createMaintenanceWindow, deleteMaintenanceWindow, listMaintenanceWindows } from "@/lib/data/maintenance-windows";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { maintenanceWindowBodySchema } from "@/lib/validations/silences";
import { runMaintenanceTick } from "./maintenance-scheduler";

/*
 * The maintenance scheduler against a private Postgres and the real Alertmanager cluster: two
 * console instances ticking at the same moment create ONE silence per occurrence; deleting the
 * window expires it; every step is audited.
 */

let database: PrivateDatabase;
let responder: TestPerson;
let cluster: AlertmanagerCluster;
const run = randomUUID();
const created: string[] = [];

beforeAll(async () => {
  const urls = process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "";
  process.env.ALERTMANAGER_URLS = urls;
  database = await createPrivateDatabase("windows");
  responder = await createPerson("responder");
  cluster = createAlertmanagerCluster(urls.split(","), 10_000);
});

afterAll(async () => {
  for (const id of created) await cluster.deleteSilence(id).catch(() => undefined);
  await database?.drop();
});

describe("the maintenance scheduler", () => {
  it("creates one silence per occurrence however many instances tick, and expires it when the window goes", async () => {
    // A weekly window that started a minute ago (UTC), so an occurrence is under way.
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
    const hhmm = `${String(start.getUTCHours()).padStart(2, "0")}:${String(start.getUTCMinutes()).padStart(2, "0")}`;
    const body = maintenanceWindowBodySchema.parse({
      name: `IT window ${run.slice(0, 8)}`,
      schedule: { kind: "weekly", days: [start.getUTCDay()], time: hhmm },
      durationMinutes: 30,
      timezone: "UTC",
      matchers: [{ name: "vigil_window_it", operator: "=", value: run }],
      comment: "maintenance-scheduler.int.test.ts",
    });
    const window = await createMaintenanceWindow(responder.actor, body, "127.0.0.1");

    const now = new Date();
    const [first, second, third] = await Promise.all([runMaintenanceTick(now, cluster), runMaintenanceTick(now, cluster), runMaintenanceTick(now, cluster)]);
    const made = [first, second, third].flatMap((result) => result.created);
    expect([first, second, third].flatMap((result) => result.failed)).toEqual([]);
    expect(made).toHaveLength(1);
    const silenceId = made[0]?.silenceId ?? "";
    created.push(silenceId);
    expect(made[0]?.start).toBe(start.toISOString());

    const silence = (await cluster.silence(silenceId)).data;
    expect(silence).toMatchObject({ status: { state: "active" }, createdBy: `Vigil maintenance window "${body.name}"` });
    expect(Date.parse(silence.endsAt)).toBe(start.getTime() + 30 * 60_000);
    expect(silence.matchers).toEqual([{ name: "vigil_window_it", value: run, isRegex: false, isEqual: true }]);

    // A later tick makes nothing new; the listing shows the silence and the next occurrence a week on.
    expect((await runMaintenanceTick(new Date(), cluster)).created).toEqual([]);
    const [listed] = await listMaintenanceWindows();
    expect(listed?.recent).toEqual([{ start: start.toISOString(), end: new Date(start.getTime() + 30 * 60_000).toISOString(), silenceId }]);
    expect(listed?.next[0]?.start).toBe(new Date(start.getTime() + 7 * 86_400_000).toISOString());

    const deleted = await deleteMaintenanceWindow(responder.actor, window.id, null);
    expect(deleted.expiredSilences).toEqual([silenceId]);
    expect((await cluster.silence(silenceId)).data.status.state).toBe("expired");

    const audit = await database.query<{ action: string }>("SELECT action FROM audit_events WHERE target_id IN ($1, $2) ORDER BY id", [window.id, silenceId]);
    expect(audit.map((row) => row.action)).toEqual(["maintenance_window.create", "maintenance_window.silence_create", "maintenance_window.delete"]);
  });
});
