import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as runbookRoute from "@/app/api/runbooks/[slug]/route";
import { PEER_HEADER } from "@/lib/auth/request-meta";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { RunbookConflictError } from "@/lib/runbooks/store";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { eventually } from "@/lib/testing/eventually";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import {
  createRunbook,
  deleteRunbook,
  getRevision,
  getRunbook,
  linkedAlerts,
  listRevisions,
  restoreRunbook,
  runbooksForAlert,
  searchRunbooks,
  updateRunbook,
  type RunbookEditor,
} from "./runbooks";

// The console's Alertmanagers are the test stack's (read once, on first use).
process.env.ALERTMANAGER_URLS = process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "";

let database: PrivateDatabase;
let editor: TestPerson;
let as: RunbookEditor;

const content = {
  title: "Disk almost full",
  body: "# Disk almost full\n\n## Meaning\nThe volume is nearly full.\n",
  tags: ["storage"],
  team: "sre",
  alertNames: ["DiskAlmostFull"],
  labelMatchers: [],
};

function auditOf(slug: string) {
  return db().auditEvent.findMany({ where: { targetType: "runbook", targetId: slug }, orderBy: { id: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
}

beforeAll(async () => {
  database = await createPrivateDatabase("runbooks");
  editor = await createPerson("editor");
  as = { actor: editor.actor, address: "127.0.0.1" };
});

afterAll(async () => {
  await database?.drop();
});

describe("saving runbooks", () => {
  it("creates version 1 with its revision and an audit event", async () => {
    const created = await createRunbook(as, { slug: "disk-full", ...content });
    expect(created).toMatchObject({ slug: "disk-full", version: 1, updatedBy: editor.actor.name });
    expect(await listRevisions("disk-full")).toMatchObject([{ version: 1, author: editor.actor.name }]);
    expect(await auditOf("disk-full")).toEqual([
      { action: "runbook.create", actorId: editor.actor.id, before: null, after: expect.objectContaining({ slug: "disk-full", version: 1, title: "Disk almost full" }) },
    ]);
    await expect(createRunbook(as, { slug: "disk-full", ...content })).rejects.toThrow(/already exists/);
  });

  it("refuses a save over a newer version with a 409 that carries both, and writes nothing", async () => {
    const first = await updateRunbook(as, "disk-full", { ...content, body: `${content.body}\nFirst edit.\n`, version: 1 });
    expect(first).toMatchObject({ changed: true, runbook: { version: 2 } });
    const stale = updateRunbook(as, "disk-full", { ...content, body: `${content.body}\nSecond edit, from version 1.\n`, version: 1 });
    await expect(stale).rejects.toBeInstanceOf(RunbookConflictError);
    await expect(stale).rejects.toThrow(/version 1; it is now at version 2/);
    expect((await getRunbook("disk-full")).body).toContain("First edit.");
    expect(await listRevisions("disk-full")).toHaveLength(2);
    expect((await auditOf("disk-full")).map((event) => event.action)).toEqual(["runbook.create", "runbook.update"]);

    // Through the route: 409 with the stored version, so the editor can show both.
    const headers = new Headers({ "content-type": "application/json", [PEER_HEADER]: "127.0.0.1", cookie: `${SESSION_COOKIE}=${encodeURIComponent(editor.sessionToken)}` });
    const response = await runbookRoute.PATCH(
      new Request("http://console.test/api/runbooks/disk-full", { method: "PATCH", headers, body: JSON.stringify({ ...content, body: "mine", version: 1 }) }),
      { params: Promise.resolve({ slug: "disk-full" }) },
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("saved by someone else"), current: { version: 2, body: expect.stringContaining("First edit.") } });
  });

  it("lets exactly one of two simultaneous saves from the same version through", async () => {
    const results = await Promise.allSettled(
      ["Editor A", "Editor B"].map((who) => updateRunbook(as, "disk-full", { ...content, body: `${content.body}\n${who} was here.\n`, version: 2 })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : undefined).toBeInstanceOf(RunbookConflictError);
    expect(await listRevisions("disk-full")).toHaveLength(3);
  });

  it("does not make a version of a save that changes nothing", async () => {
    const current = await getRunbook("disk-full");
    const { version, ...rest } = current;
    const result = await updateRunbook(as, "disk-full", { title: rest.title, body: rest.body, tags: rest.tags, team: rest.team, alertNames: rest.alertNames, labelMatchers: rest.labelMatchers, version });
    expect(result).toMatchObject({ changed: false, runbook: { version: 3 } });
    expect(await listRevisions("disk-full")).toHaveLength(3);
  });
});

describe("history", () => {
  it("keeps every revision whole, and restores one as a new version (audited)", async () => {
    expect((await getRevision("disk-full", 1)).body).toBe(content.body);
    expect((await getRevision("disk-full", 2)).body).toContain("First edit.");
    await expect(getRevision("disk-full", 99)).rejects.toBeInstanceOf(NotFoundError);

    await expect(restoreRunbook(as, "disk-full", { revision: 1, version: 2 })).rejects.toBeInstanceOf(RunbookConflictError);
    const restored = await restoreRunbook(as, "disk-full", { revision: 1, version: 3 });
    expect(restored).toMatchObject({ changed: true, runbook: { version: 4, body: content.body } });
    expect((await listRevisions("disk-full")).map((revision) => revision.version)).toEqual([4, 3, 2, 1]);
    const last = (await auditOf("disk-full")).at(-1);
    expect(last).toMatchObject({ action: "runbook.restore", before: { version: 3 }, after: { version: 4, restoredFrom: 1 } });
  });
});

describe("search", () => {
  beforeAll(async () => {
    await createRunbook(as, { slug: "inferno-backlog", ...content, title: "Inferno queue backlog", body: "Pending requests pile up in the queue.", tags: ["inferno", "capacity"], team: "ml-platform", alertNames: [] });
    await createRunbook(as, { slug: "gpu-hot", ...content, title: "GPU temperature high", body: "Check the inferno nodes' cooling; the queue is not involved.", tags: ["gpu"], team: "gpu-platform", alertNames: [] });
  });

  it("finds words by prefix over title, tags and body, title matches first, with highlighted fragments", async () => {
    const result = await searchRunbooks({ q: "infer queue", limit: 50 });
    expect(result.runbooks.map((runbook) => runbook.slug)).toEqual(["inferno-backlog", "gpu-hot"]);
    expect(result.total).toBe(2);
    expect(result.runbooks[0]?.snippet).toMatch(/\u0001queue\u0002/);
    expect((await searchRunbooks({ q: "capacity", limit: 50 })).runbooks.map((runbook) => runbook.slug)).toEqual(["inferno-backlog"]);
    expect((await searchRunbooks({ q: "queue -gpu", limit: 50 })).runbooks.map((runbook) => runbook.slug)).toEqual(["inferno-backlog"]);
    expect((await searchRunbooks({ q: "nothingmatchesthis", limit: 50 })).runbooks).toEqual([]);
  });

  it("filters by tag and team, with or without words, and lists the tags and teams in use", async () => {
    expect((await searchRunbooks({ q: "queue", team: "gpu-platform", limit: 50 })).runbooks.map((runbook) => runbook.slug)).toEqual(["gpu-hot"]);
    expect((await searchRunbooks({ tag: "inferno", limit: 50 })).runbooks.map((runbook) => runbook.slug)).toEqual(["inferno-backlog"]);
    const all = await searchRunbooks({ limit: 2 });
    expect(all.runbooks).toHaveLength(2);
    expect(all.total).toBe(3);
    expect(all.tags).toEqual(["capacity", "gpu", "inferno", "storage"]);
    expect(all.teams).toEqual(["gpu-platform", "ml-platform", "sre"]);
  });
});

describe("linking runbooks and alerts", () => {
  const alertname = `RunbookLinkTest${Date.now()}`;

  beforeAll(async () => {
    await createRunbook(as, { slug: "linked-by-name", ...content, title: "Linked by name", alertNames: [alertname] });
    await createRunbook(as, { slug: "linked-by-labels", ...content, title: "Linked by labels", alertNames: [], labelMatchers: [`{alertname="${alertname}", tier=~"gold|silver"}`] });
  });

  it("answers an alert with its runbook_url's runbook, then by name, then by labels", async () => {
    const answer = await runbooksForAlert({ alertname, tier: "gold" }, { runbook_url: "http://localhost:3000/runbooks/disk-full" });
    expect(answer.runbooks.map((runbook) => [runbook.slug, runbook.reason])).toEqual([
      ["disk-full", "runbook_url"],
      ["linked-by-name", "alertname"],
      ["linked-by-labels", "labels"],
    ]);
    expect(answer.externalUrl).toBeNull();
    const other = await runbooksForAlert({ alertname: "Unrelated", tier: "gold" }, { runbook_url: "https://wiki.example.com/page" });
    expect(other).toEqual({ runbooks: [], externalUrl: "https://wiki.example.com/page" });
  });

  it("shows on the runbook the alerts firing now that link to it, with their acknowledgement", async () => {
    const urls = (process.env.VIGIL_TEST_ALERTMANAGER_URLS ?? "").split(",").filter(Boolean);
    const labels = { alertname, tier: "gold", instance: "it:1" };
    const endsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    for (const url of urls) {
      const response = await fetch(`${url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([{ labels, annotations: {}, endsAt }]) });
      expect(response.ok).toBe(true);
    }
    try {
      const firing = await eventually(async () => {
        const answer = await linkedAlerts("linked-by-labels");
        expect(answer.alerts).toHaveLength(1);
        return answer.alerts[0];
      });
      expect(firing).toMatchObject({ alertname, reason: "labels", acknowledgement: null, labels: { tier: "gold" } });
      expect((await linkedAlerts("disk-full")).alerts).toEqual([]);

      await db().acknowledgement.create({
        data: { cluster: "default", fingerprint: firing?.fingerprint ?? "", startsAt: new Date(firing?.startsAt ?? 0), alertName: alertname, labels, note: "on it", createdById: editor.actor.userId },
        select: { id: true },
      });
      const acknowledged = await linkedAlerts("linked-by-name");
      expect(acknowledged.alerts).toMatchObject([{ alertname, reason: "alertname", acknowledgement: { by: editor.actor.name, note: "on it" } }]);
    } finally {
      for (const url of urls) {
        await fetch(`${url}/api/v2/alerts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify([{ labels, annotations: {}, endsAt: new Date().toISOString() }]) });
      }
    }
  });
});

describe("deleting", () => {
  it("refuses a stale delete, then deletes with its revisions and audits it", async () => {
    await expect(deleteRunbook(as, "gpu-hot", 7)).rejects.toBeInstanceOf(RunbookConflictError);
    await deleteRunbook(as, "gpu-hot", 1);
    await expect(getRunbook("gpu-hot")).rejects.toBeInstanceOf(NotFoundError);
    const rows = await database.query("SELECT count(*)::int AS count FROM runbook_revisions r LEFT JOIN runbooks b ON b.id = r.runbook_id WHERE b.id IS NULL");
    expect(z.array(z.object({ count: z.number() })).parse(rows)[0]?.count).toBe(0);
    expect((await auditOf("gpu-hot")).at(-1)).toMatchObject({ action: "runbook.delete", before: { slug: "gpu-hot", version: 1 }, after: null });
  });
});
