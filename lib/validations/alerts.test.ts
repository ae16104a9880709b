import { describe, expect, it } from "vitest";
import { acknowledgeSchema, alertDetailQuerySchema, unacknowledgeSchema } from "./alerts";

const alert = { fingerprint: "15a37193dce72bab", startsAt: "2026-11-21T05:04:03.288Z" };

describe("acknowledgeSchema", () => {
  it("accepts one alert or a group, with an optional note, expiry and silence", () => {
    expect(acknowledgeSchema.parse({ alerts: [alert] })).toEqual({ alerts: [alert] });
    expect(acknowledgeSchema.parse({ alerts: [alert, alert], note: " on it ", expiresInMinutes: 60, silenceMinutes: 30 })).toMatchObject({ note: "on it" });
  });

  it("names the field it refuses", () => {
    const cases: Array<[unknown, string]> = [
      [{ alerts: [] }, "alerts"],
      [{ alerts: [{ ...alert, fingerprint: "xyz" }] }, "alerts.0.fingerprint"],
      [{ alerts: [{ ...alert, startsAt: "yesterday" }] }, "alerts.0.startsAt"],
      [{ alerts: [alert], expiresInMinutes: 0 }, "expiresInMinutes"],
      [{ alerts: [alert], silenceMinutes: 1.5 }, "silenceMinutes"],
      [{ alerts: [alert], note: "x".repeat(1001) }, "note"],
      [{ alerts: [alert], extra: 1 }, ""],
    ];
    for (const [body, path] of cases) {
      const result = acknowledgeSchema.safeParse(body);
      expect(result.success, JSON.stringify(body)).toBe(false);
      expect(result.error?.issues[0]?.path.join(".")).toBe(path);
    }
  });
});

describe("the other schemas", () => {
  it("take an optional note and an optional startsAt", () => {
    expect(unacknowledgeSchema.parse({})).toEqual({});
    expect(unacknowledgeSchema.safeParse({ note: 3 }).success).toBe(false);
    expect(alertDetailQuerySchema.safeParse({ startsAt: "nope" }).success).toBe(false);
  });
});
