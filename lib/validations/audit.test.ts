import { describe, expect, it } from "vitest";
import { actionMatch, auditFilterSchema, filterParams, filterQueryString } from "./audit";

const parse = (params: Record<string, string>) => auditFilterSchema.safeParse(params);

describe("auditFilterSchema", () => {
  it("defaults to the newest 100 rows with no filter", () => {
    expect(auditFilterSchema.parse({})).toEqual({ limit: 100 });
  });

  it("treats blank parameters as absent and trims the rest", () => {
    expect(auditFilterSchema.parse({ actor: " ", action: " user. ", targetType: "", limit: "" })).toEqual({ action: "user.", limit: 100 });
  });

  it("reads times with a zone, and dates as UTC midnight", () => {
    const parsed = auditFilterSchema.parse({ from: "2026-11-21", to: "2026-11-21T09:30:00+02:00" });
    expect(parsed.from?.toISOString()).toBe("2026-11-21T00:00:00.000Z");
    expect(parsed.to?.toISOString()).toBe("2026-11-21T07:30:00.000Z");
  });

  it.each([
    [{ from: "yesterday" }, "from", /ISO 8601/],
    [{ to: "2026-11-21T09:30:00" }, "to", /with a zone/],
    [{ from: "2026-11-21T10:00:00Z", to: "2026-11-21T09:00:00Z" }, "to", /after from/],
    [{ limit: "0" }, "limit", /at least 1/],
    [{ limit: "1001" }, "limit", /at most 1000/],
    [{ limit: "ten" }, "limit", /number/],
    [{ limit: "2.5" }, "limit", /whole/],
    [{ cursor: "-1" }, "cursor", /digits/],
    [{ cursor: "12a" }, "cursor", /digits/],
    [{ cursor: "9223372036854775808" }, "cursor", /range/],
    [{ actor: "x".repeat(201) }, "actor", /longer than 200/],
  ])("refuses %j naming %s", (params, path, message) => {
    const result = parse(params);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [path], message: expect.stringMatching(message) })]);
  });

  it("reads a cursor as a bigint, so ids past 2^53 page correctly", () => {
    expect(auditFilterSchema.parse({ cursor: "9007199254740993" }).cursor).toBe(9007199254740993n);
  });
});

describe("actionMatch", () => {
  it.each([
    ["user.", { prefix: "user." }],
    ["user.*", { prefix: "user." }],
    ["*", { prefix: "" }],
    ["user.create", { exact: "user.create" }],
  ])("%s matches %j", (action, expected) => {
    expect(actionMatch(action)).toEqual(expected);
  });
});

describe("filter parameters", () => {
  it("keep the filters and drop paging, in a fixed order", () => {
    const filters = auditFilterSchema.parse({ to: "2026-11-22", action: "token.", cursor: "5", limit: "10", actor: "Demo" });
    const params = filterParams(filters);
    expect(params).toEqual({ actor: "Demo", action: "token.", to: "2026-11-22T00:00:00.000Z" });
    expect(filterQueryString(params, { limit: "50" })).toBe("actor=Demo&action=token.&to=2026-11-22T00%3A00%3A00.000Z&limit=50");
    expect(filterParams(auditFilterSchema.parse(Object.fromEntries(new URLSearchParams(filterQueryString(params)))))).toEqual(params);
  });
});
