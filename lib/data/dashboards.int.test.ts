import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dashboardSchema } from "@/lib/dashboards/schema";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { appendPanel, createDashboard, deleteDashboard, getDashboard, listDashboards, updateDashboard } from "./dashboards";

let database: PrivateDatabase;
let editor: TestPerson;
let other: TestPerson;

beforeAll(async () => {
  database = await createPrivateDatabase("dashboards");
  editor = await createPerson("editor");
  other = await createPerson("editor", "other-editor");
});

afterAll(async () => {
  await database?.drop();
});

const dashboard = (uid: string, title = "Stored") =>
  dashboardSchema.parse({
    uid,
    title,
    tags: ["team"],
    panels: [{ id: "p1", type: "stat", title: "Up", gridPos: { x: 0, y: 0, w: 6, h: 4 }, targets: [{ refId: "A", expr: "sum(up)" }] }],
  });

async function auditActions(uid: string): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ where: { targetType: "dashboard", targetId: uid }, orderBy: { at: "asc" }, select: { action: true } });
  return rows.map((row) => row.action);
}

describe("stored dashboards", () => {
  it("creates, reads back and lists a dashboard next to the provisioned ones, audited", async () => {
    const created = await createDashboard(editor.actor, dashboard("it-create"), "127.0.0.1");
    expect(created).toMatchObject({ source: "database", version: 1 });
    expect((await getDashboard("it-create")).dashboard).toEqual(dashboard("it-create"));
    const list = await listDashboards();
    expect(list.find((item) => item.uid === "it-create")).toMatchObject({ source: "database", version: 1, tags: ["team"] });
    expect(list.find((item) => item.uid === "llm-agents")).toMatchObject({ source: "provisioned", version: null });
    expect(await auditActions("it-create")).toEqual(["dashboard.create"]);
    await expect(createDashboard(editor.actor, dashboard("it-create"), null)).rejects.toThrow(ConflictError);
  });

  it("refuses a save based on an older version (409) and keeps the other editor's change", async () => {
    await createDashboard(editor.actor, dashboard("it-conflict"), null);
    const first = await updateDashboard(editor.actor, "it-conflict", dashboard("it-conflict", "Mine"), 1, null);
    expect(first.version).toBe(2);
    await expect(updateDashboard(other.actor, "it-conflict", dashboard("it-conflict", "Theirs"), 1, null)).rejects.toThrow(/saved by someone else since you opened it \(now version 2, you edited 1\)/);
    expect((await getDashboard("it-conflict")).dashboard.title).toBe("Mine");
    await expect(updateDashboard(editor.actor, "it-conflict", dashboard("another-uid"), 2, null)).rejects.toThrow(ValidationError);
    expect(await auditActions("it-conflict")).toEqual(["dashboard.create", "dashboard.update"]);
  });

  it("appends a panel as a new version at the bottom", async () => {
    await createDashboard(editor.actor, dashboard("it-append"), null);
    const panel = dashboardSchema.parse({ uid: "x", title: "x", panels: [{ id: "p2", type: "text", gridPos: { x: 0, y: 0, w: 24, h: 3 } }] }).panels[0];
    if (!panel) throw new Error("no panel");
    const appended = await appendPanel(editor.actor, "it-append", panel, null);
    expect(appended.version).toBe(2);
    expect(appended.dashboard.panels.map((item) => (item.type === "row" ? null : [item.id, item.gridPos.y]))).toEqual([["p1", 0], ["p2", 4]]);
  });

  it("deletes, audited, and refuses provisioned dashboards", async () => {
    await createDashboard(editor.actor, dashboard("it-delete"), null);
    await deleteDashboard(editor.actor, "it-delete", null);
    await expect(getDashboard("it-delete")).rejects.toThrow(NotFoundError);
    expect(await auditActions("it-delete")).toEqual(["dashboard.create", "dashboard.delete"]);
    await expect(deleteDashboard(editor.actor, "it-delete", null)).rejects.toThrow(NotFoundError);
    await expect(deleteDashboard(editor.actor, "vllm", null)).rejects.toThrow(/provisioned dashboard/);
    await expect(createDashboard(editor.actor, dashboard("gpu-fleet"), null)).rejects.toThrow(ConflictError);
  });
});
