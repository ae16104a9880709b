"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { currentAddress } from "@/lib/auth/current";
import { createFirstAdmin } from "@/lib/auth/sign-in";
import { setupSchema, type FormState } from "@/lib/validations/auth";

/** Creates the first admin; refused once any account exists. */
export async function setUp(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = setupSchema.safeParse(Object.fromEntries(formData));
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const result = await createFirstAdmin(parsed.data, await currentAddress());
  if ("error" in result) return { message: result.error, values };
  redirect("/sign-in");
}
