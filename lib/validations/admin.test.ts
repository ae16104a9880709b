import { describe, expect, it } from "vitest";
import {
  createTokenSchema,
  emptyBodySchema,
  fieldErrorsFrom,
  inviteUserSchema,
  issuesOf,
  sessionIdParam,
  setPasswordSchema,
  updateUserSchema,
  uuidParam,
} from "./admin";

const issues = (result: { success: boolean; error?: Parameters<typeof issuesOf>[0] }) => (result.error ? issuesOf(result.error) : []);

describe("request bodies", () => {
  it("normalises an invitation and refuses unknown keys", () => {
    expect(inviteUserSchema.parse({ email: " Ada@Example.COM ", name: " Ada ", role: "editor" })).toEqual({ email: "ada@example.com", name: "Ada", role: "editor" });
    expect(issues(inviteUserSchema.safeParse({ email: "ada@example.com", name: "Ada", role: "editor", admin: true }))).toEqual([
      { path: "", message: expect.stringContaining('"admin"') },
    ]);
    expect(issues(inviteUserSchema.safeParse({ email: "nope", name: "", role: "owner" }))).toEqual([
      { path: "email", message: "Enter a valid email address." },
      { path: "name", message: "Enter the person's name." },
      { path: "role", message: "Choose a role: viewer, responder, editor, admin." },
    ]);
  });

  it("needs a role or disabled to update a person", () => {
    expect(updateUserSchema.parse({ disabled: true })).toEqual({ disabled: true });
    expect(issues(updateUserSchema.safeParse({}))).toEqual([{ path: "", message: "Send a role, disabled, or both." }]);
    expect(issues(updateUserSchema.safeParse({ disabled: "yes" }))).toEqual([{ path: "disabled", message: "disabled must be true or false." }]);
  });

  it.each([
    [0, "A token must live at least 1 day."],
    [366, "A token may live at most 365 days."],
    [1.5, "Enter a whole number of days from 1 to 365."],
    [Number.NaN, "Enter a number of days from 1 to 365."],
    ["30", "Enter a number of days from 1 to 365."],
  ])("refuses an expiry of %j days", (expiresInDays, message) => {
    expect(issues(createTokenSchema.safeParse({ name: "ci", role: "viewer", expiresInDays }))).toEqual([{ path: "expiresInDays", message }]);
  });

  it("checks a set-password link's token shape and the repeated password", () => {
    const token = `vgp_${"a".repeat(43)}`;
    expect(setPasswordSchema.safeParse({ token, password: "long enough password", confirm: "long enough password" }).success).toBe(true);
    expect(issues(setPasswordSchema.safeParse({ token, password: "long enough password", confirm: "other" }))).toEqual([{ path: "confirm", message: "The passwords differ." }]);
    expect(issues(setPasswordSchema.safeParse({ token: "vgp_short", password: "short", confirm: "short" })).map((issue) => issue.path)).toEqual(["token", "password"]);
  });

  it("takes an empty object and nothing else for routes that act on their path", () => {
    expect(emptyBodySchema.safeParse({}).success).toBe(true);
    expect(emptyBodySchema.safeParse({ force: true }).success).toBe(false);
    expect(emptyBodySchema.safeParse([]).success).toBe(false);
  });

  it("validates path ids", () => {
    expect(uuidParam.safeParse("6f1c2b0e-1111-4222-8333-944445555666").success).toBe(true);
    expect(uuidParam.safeParse("6f1c2b0e").success).toBe(false);
    expect(sessionIdParam.safeParse("a".repeat(64)).success).toBe(true);
    expect(sessionIdParam.safeParse("A".repeat(64)).success).toBe(false);
  });
});

describe("fieldErrorsFrom", () => {
  it("groups messages by field, the body as a whole under form", () => {
    expect(fieldErrorsFrom([{ path: "email", message: "a" }, { path: "email", message: "b" }, { path: "", message: "c" }])).toEqual({ email: ["a", "b"], form: ["c"] });
  });
});
