import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";

// Settings are read once, on first use: point them at the test database before anything reads
// them, and without a bootstrap admin (sign-in would try to create one).
const testDatabase = process.env.VIGIL_TEST_DATABASE_URL;
if (!testDatabase) throw new Error("VIGIL_TEST_DATABASE_URL is not set: the integration project's global setup provides it");
process.env.DATABASE_URL = testDatabase;
delete process.env.VIGIL_ADMIN_EMAIL;
delete process.env.VIGIL_ADMIN_PASSWORD;

const { db } = await import("@/lib/db");
const { RateLimitError } = await import("@/lib/errors");
const { hashPassword } = await import("./password");
const { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, WINDOW_MINUTES } = await import("./rate-limit");
const { signInWithPassword } = await import("./sign-in");

const run = randomBytes(4).toString("hex");
const emailSuffix = `-${run}@ratelimit.vigil.test`;
const PASSWORD = "rate limit test password";
let addressCount = 0;

/** A fresh address per use, so tests do not share counts with each other or with other runs. */
function newAddress(): string {
  addressCount += 1;
  return `2001:db8:${run.slice(0, 4)}:${run.slice(4)}::${addressCount.toString(16)}`;
}

async function newUser(label: string): Promise<string> {
  const email = `${label}${emailSuffix}`;
  await db().user.create({ data: { email, name: label, role: "viewer", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

function attempt(email: string, password: string, address: string) {
  return signInWithPassword({ email, password, address, userAgent: "vitest" });
}

afterAll(async () => {
  await db().signInFailure.deleteMany({ where: { OR: [{ email: { endsWith: emailSuffix } }, { address: { startsWith: `2001:db8:${run.slice(0, 4)}:` } }] } });
  await db().user.deleteMany({ where: { email: { endsWith: emailSuffix } } });
});

describe("sign-in rate limiting against Postgres", () => {
  it("has the limits the product promises", () => {
    expect({ MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, WINDOW_MINUTES }).toEqual({
      MAX_FAILURES_PER_ACCOUNT: 5,
      MAX_FAILURES_PER_ADDRESS: 20,
      WINDOW_MINUTES: 15,
    });
  });

  it("five failures for an account block it from every address, even with the right password", async () => {
    const email = await newUser("guessed");
    for (let index = 0; index < MAX_FAILURES_PER_ACCOUNT; index += 1) {
      expect(await attempt(email, `wrong ${index}`, newAddress())).toEqual({ error: "Wrong email or password." });
    }
    await expect(attempt(email, PASSWORD, newAddress())).rejects.toThrow(RateLimitError);
    await expect(attempt(email, PASSWORD, newAddress())).rejects.toThrow(/Too many failed sign-ins for this account/);
  });

  it("twenty failures from one address block that address for every account, and no other", async () => {
    const email = await newUser("sprayed");
    const address = newAddress();
    for (let index = 0; index < MAX_FAILURES_PER_ADDRESS; index += 1) {
      expect(await attempt(`nobody-${index}${emailSuffix}`, "guess", address)).toEqual({ error: "Wrong email or password." });
    }
    await expect(attempt(email, PASSWORD, address)).rejects.toThrow(/Too many failed sign-ins from your address/);
    expect(await attempt(email, PASSWORD, newAddress())).toHaveProperty("token");
  });

  it("a success clears the account's failures, not the address's", async () => {
    const email = await newUser("forgiven");
    const address = newAddress();
    for (let index = 0; index < 3; index += 1) await attempt(`someone-else-${index}${emailSuffix}`, "guess", address);
    for (let index = 0; index < MAX_FAILURES_PER_ACCOUNT - 1; index += 1) await attempt(email, `wrong ${index}`, address);
    expect(await attempt(email, PASSWORD, address)).toHaveProperty("token");
    expect(await db().signInFailure.count({ where: { email } })).toBe(0);
    // What the address tried against other accounts still counts against it.
    expect(await db().signInFailure.count({ where: { address } })).toBe(3);
    // A fresh allowance: four more mistakes still leave the right password working.
    for (let index = 0; index < MAX_FAILURES_PER_ACCOUNT - 1; index += 1) await attempt(email, `wrong again ${index}`, newAddress());
    expect(await attempt(email, PASSWORD, newAddress())).toHaveProperty("token");
  });

  it("failures older than the 15-minute window no longer count", async () => {
    const email = await newUser("patient");
    const address = newAddress();
    const long = new Date(Date.now() - (WINDOW_MINUTES * 60_000 + 60_000));
    await db().signInFailure.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS }, () => ({ email, address, at: long })),
    });
    expect(await attempt(email, PASSWORD, address)).toHaveProperty("token");
  });
});
