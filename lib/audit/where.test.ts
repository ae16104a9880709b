import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "@/lib/validations/audit";
import { auditWhere } from "./where";

const where = (params: Record<string, string>) => auditWhere(auditFilterSchema.parse(params));

describe("auditWhere", () => {
  it("selects everything without filters", () => {
    expect(where({})).toEqual({});
  });

  it("matches an actor id exactly or part of a name", () => {
    expect(where({ actor: "Demo" })).toEqual({ AND: [{ actorName: { contains: "Demo", mode: "insensitive" } }] });
    const id = "6F1C2B0E-1111-4222-8333-944445555666";
    expect(where({ actor: id })).toEqual({
      AND: [{ OR: [{ actorId: id.toLowerCase() }, { actorName: { contains: id, mode: "insensitive" } }] }],
    });
  });

  it("matches an action exactly or by prefix, and combines every filter with the cursor", () => {
    expect(where({ action: "user.create" })).toEqual({ AND: [{ action: "user.create" }] });
    expect(
      where({ action: "token.*", targetType: "user", targetId: "abc", from: "2026-11-21", to: "2026-11-22", cursor: "77" }),
    ).toEqual({
      AND: [
        { action: { startsWith: "token." } },
        { targetType: "user" },
        { targetId: "abc" },
        { at: { gte: new Date("2026-11-21T00:00:00Z"), lt: new Date("2026-11-22T00:00:00Z") } },
        { id: { lt: 77n } },
      ],
    });
  });
});
