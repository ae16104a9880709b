"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentAddress, isHttps, requestCredentials } from "@/lib/auth/current";
import { sessionCookieOptions, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { RateLimitError } from "@/lib/errors";
import { signInSchema, type FormState } from "@/lib/validations/auth";

/** Signs in with email and password; on success sets the session cookie and goes to `next`. */
export async function signIn(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  const typedEmail = String(formData.get("email") ?? "");
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values: { email: typedEmail } };
  }
  const { email, password, next } = parsed.data;
  const credentials = await requestCredentials();
  let result;
  try {
    result = await signInWithPassword({ email, password, address: await currentAddress(), userAgent: credentials.userAgent ?? null });
  } catch (error) {
    if (error instanceof RateLimitError) return { message: error.message, values: { email } };
    throw error;
  }
  if ("error" in result) return { message: result.error, values: { email } };
  (await cookies()).set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt, await isHttps()));
  redirect(next);
}
