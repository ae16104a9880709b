"use client";

import { Link } from "@/components/ui/link";
import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { fieldErrorsOf, sendJson } from "@/lib/queries/send-json";
import { fieldErrorsFrom, issuesOf, setPasswordResponseSchema, setPasswordSchema } from "@/lib/validations/admin";
import { FormMessage, SubmitButton, TextField } from "./form-fields";

export interface SetPasswordFormProps {
  token: string;
  email: string;
}

/** Sets the password of an invited person through POST /api/auth/set-password, then sends them to sign in. */
export function SetPasswordForm({ token, email }: SetPasswordFormProps) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = setPasswordSchema.safeParse({ token, password: form.get("password"), confirm: form.get("confirm") });
    setMessage(undefined);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(issuesOf(parsed.error)));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      await sendJson("/api/auth/set-password", "POST", parsed.data, setPasswordResponseSchema);
      setDone(true);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      // The token is not a field the person can fix: say it for the whole form.
      const whole = [...(fields.token ?? []), ...(fields.form ?? [])];
      setMessage(whole.length ? whole.join(" ") : Object.keys(fields).length ? undefined : error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-slate-300">
          Your password is set. Sign in with {email} and your new password.
        </p>
        <Link href="/sign-in" className="inline-block rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info">
          Sign in
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-400">
        Choose the password for <span className="text-slate-200">{email}</span>. This link works once.
      </p>
      <FormMessage message={message} />
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`} name="password" type="password" autoComplete="new-password" errors={errors.password} />
      <TextField label="Repeat the password" name="confirm" type="password" autoComplete="new-password" errors={errors.confirm} />
      <SubmitButton pending={pending}>Set my password</SubmitButton>
    </form>
  );
}
