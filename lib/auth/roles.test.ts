import { describe, expect, it } from "vitest";
import { highestRole, parseRoleGroups, roleAtLeast, roleFromGroups } from "./roles";

describe("roles", () => {
  it("orders viewer < responder < editor < admin", () => {
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("responder", "responder")).toBe(true);
    expect(roleAtLeast("viewer", "responder")).toBe(false);
    expect(roleAtLeast("editor", "admin")).toBe(false);
    expect(highestRole(["viewer", "editor", "responder"])).toBe("editor");
    expect(highestRole([])).toBeUndefined();
  });

  it("parses group mappings and keeps the highest role for a group named twice", () => {
    const mapping = parseRoleGroups("admin=vigil-admins; editor=ml-platform, sre ;responder=oncall,sre");
    expect(Object.fromEntries(mapping)).toEqual({ "vigil-admins": "admin", "ml-platform": "editor", sre: "editor", oncall: "responder" });
  });

  it.each(["owner=x", "admin", "admin=", "admin=a=b"])("rejects %j", (text) => {
    expect(() => parseRoleGroups(text)).toThrow(/role=group/);
  });

  it("grants the highest matching role, else the fallback", () => {
    const mapping = parseRoleGroups("admin=admins;responder=oncall");
    expect(roleFromGroups(["oncall", "admins"], mapping, "viewer")).toBe("admin");
    expect(roleFromGroups(["marketing"], mapping, "viewer")).toBe("viewer");
    expect(roleFromGroups(["marketing"], mapping, undefined)).toBeUndefined();
  });
});
