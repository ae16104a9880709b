import { hash, verify } from "@node-rs/argon2";

// The package's Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2;

/**
 * argon2id parameters, chosen so one hash takes about 100-250 ms on a 2-core machine
 * (bench/sign-in.ts measures it: about 110 ms): 64 MiB of memory, 6 passes, one lane.
 */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 65_536, timeCost: 6, parallelism: 1 } as const;

export { MIN_PASSWORD_LENGTH } from "./password-policy";

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verifying against this when the account does not exist keeps the answer time the same,
// so timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** True when the password matches; a null hash (no password set) is verified against a dummy and fails. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("vigil-dummy-password-for-timing");
  const target = passwordHash ?? (await dummyHash);
  const matches = await verify(target, password).catch(() => false);
  return passwordHash !== null && matches;
}
