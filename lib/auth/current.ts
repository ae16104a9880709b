import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import type { Actor, RequestCredentials } from "./actor";
import { authenticate, clientAddress } from "./authenticate";
import { credentialsFrom } from "./request-meta";

/** The current request's credentials, for Server Components and Server Actions. */
export async function requestCredentials(): Promise<RequestCredentials> {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return credentialsFrom(headerList, (name) => cookieStore.get(name)?.value);
}

export async function currentActor(): Promise<Actor | undefined> {
  return authenticate(await requestCredentials());
}

/** The signed-in actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

/** Where the request came from, as the audit log records it. */
export async function currentAddress(): Promise<string | null> {
  return clientAddress(await requestCredentials());
}

/** Whether the console is reached over https, so cookies can be marked Secure. */
export async function isHttps(): Promise<boolean> {
  const publicUrl = env().VIGIL_PUBLIC_URL;
  if (publicUrl) return publicUrl.startsWith("https://");
  return (await headers()).get("x-forwarded-proto") === "https";
}
