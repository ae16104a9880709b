import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditNow } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { auditFilterSchema } from "@/lib/validations/audit";
import { createPrivateDatabase, type PrivateDatabase } from "@/lib/testing/database";
import { createPerson, type TestPerson } from "@/lib/testing/people";
import { AUDIT_CSV_HEADER, auditCsvStream, listAuditEvents } from "./audit-log";

let database: PrivateDatabase;
let alice: TestPerson;
let bob: TestPerson;

const page = (params: Record<string, string>) => listAuditEvents(auditFilterSchema.parse(params));

beforeAll(async () => {
  database = await createPrivateDatabase("audit");
  alice = await createPerson("admin", "alice");
  bob = await createPerson("editor", "bob");
  for (let index = 0; index < 25; index += 1) {
    await recordAuditNow({ actor: alice.actor, action: index % 2 ? "user.role_change" : "user.create", targetType: "user", targetId: `u-${index}`, address: "10.0.0.1" });
  }
  for (let index = 0; index < 5; index += 1) {
    await recordAuditNow({ actor: bob.actor, action: "token.create", targetType: "token", targetId: `t-${index}`, after: { name: `=cmd|' /C calc'!A${index}` } });
  }
  await recordAuditNow({ actor: { type: "system", name: "VIGIL_ADMIN_EMAIL" }, action: "user.created_by_system", targetType: "user", targetId: "u-0" });
});

afterAll(async () => {
  await database?.drop();
});

describe("listAuditEvents", () => {
  it("pages newest first by id until nextCursor is null, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const result = await page({ limit: "7", ...(cursor ? { cursor } : {}) });
      seen.push(...result.events.map((event) => event.id));
      cursor = result.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    expect([...seen].sort((a, b) => Number(BigInt(b) - BigInt(a)))).toEqual(seen);
  });

  it("filters by action (exact and prefix), actor (name part or id), target and time", async () => {
    expect((await page({ action: "user.create" })).events).toHaveLength(13);
    expect((await page({ action: "user." })).events).toHaveLength(26);
    expect((await page({ action: "user.*" })).events).toHaveLength(26);
    expect((await page({ actor: "it BOB" })).events).toHaveLength(5);
    expect((await page({ actor: bob.actor.userId })).events).toHaveLength(5);
    expect((await page({ targetType: "user", targetId: "u-0" })).events.map((event) => event.action)).toEqual(["user.created_by_system", "user.create"]);
    expect((await page({ from: new Date(Date.now() + 60_000).toISOString() })).events).toEqual([]);
    expect((await page({ to: new Date(Date.now() + 60_000).toISOString(), action: "token." })).events).toHaveLength(5);
  });

  it("serialises ids as strings and keeps the actor as recorded", async () => {
    const [event] = (await page({ limit: "1", action: "token.create" })).events;
    expect(event).toMatchObject({ id: expect.stringMatching(/^\d+$/), actorType: "user", actorId: bob.actor.userId, actorName: "IT bob", targetType: "token" });
  });
});

describe("auditCsvStream", () => {
  async function csv(params: Record<string, string>): Promise<string> {
    return new Response(auditCsvStream(auditFilterSchema.parse(params))).text();
  }

  it("writes a header and every matching row, in batches, with formula cells guarded", async () => {
    const text = await csv({ action: "token." });
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toBe("");
    // The JSON column starts with "{", so it needs no guard, but its quotes are doubled.
    expect(lines[1]).toContain(`"{""name"":""=cmd|' /C calc'!A4""}"`);
  });

  it("exports more rows than one batch holds", async () => {
    await db().auditEvent.createMany({
      data: Array.from({ length: 1100 }, (_, index) => ({ actorType: "user" as const, actorName: "bulk", action: "bulk.test", targetType: "thing", targetId: `=${index}` })),
    });
    const lines = (await csv({ action: "bulk.test" })).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1101);
    expect(lines[1]).toMatch(/,'=1099,/);
    expect(lines.at(-1)).toMatch(/,'=0,/);
  });
});
