"use client";

import { useActionState } from "react";
import { signIn } from "@/app/sign-in/actions";
import type { FormState } from "@/lib/validations/auth";
import { FormMessage, SubmitButton, TextField } from "./form-fields";

export interface SignInFormProps {
  next?: string;
}

export function SignInForm({ next }: SignInFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(signIn, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="next" value={next ?? "/"} />
      <TextField label="Email" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} errors={state.fieldErrors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" errors={state.fieldErrors?.password} />
      <SubmitButton pending={pending}>Sign in</SubmitButton>
    </form>
  );
}
