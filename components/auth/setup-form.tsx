"use client";

import { useActionState } from "react";
import { setUp } from "@/app/setup/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import type { FormState } from "@/lib/validations/auth";
import { FormMessage, SubmitButton, TextField } from "./form-fields";

export function SetupForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(setUp, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <p className="text-sm text-slate-400">
        No account exists yet. Create the first admin; this page stops working once it exists.
      </p>
      <FormMessage message={state.message} />
      <TextField label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.fieldErrors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <TextField label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`} name="password" type="password" autoComplete="new-password" errors={state.fieldErrors?.password} />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" errors={state.fieldErrors?.confirm} />
      <SubmitButton pending={pending}>Create the admin account</SubmitButton>
    </form>
  );
}
