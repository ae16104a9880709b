import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export interface TestPerson {
  actor: Actor;
  /** A session cookie value that signs in as this person. */
  sessionToken: string;
}

/** Creates a person with a session, as the actor the API would see for them. */
export async function createPerson(role: Role, label: string = role): Promise<TestPerson> {
  const email = `${label}-${Math.random().toString(36).slice(2, 10)}@it.vigil.local`;
  const user = await db().user.create({ data: { email, name: `IT ${label}`, role }, select: { id: true, name: true } });
  const { token } = await createSession(user.id, { address: "127.0.0.1", userAgent: "vitest" });
  return {
    actor: { type: "user", id: user.id, userId: user.id, name: user.name, email, role, via: "session" },
    sessionToken: token,
  };
}
