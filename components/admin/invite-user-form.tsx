"use client";

import { useState, type FormEvent } from "react";
import { FormMessage, TextField } from "@/components/auth/form-fields";
import { SelectField } from "@/components/ui/select-field";
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/auth/roles";
import { useInviteUser } from "@/lib/queries/admin";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { fieldErrorsFrom, inviteUserSchema, issuesOf } from "@/lib/validations/admin";
import { PasswordLinkDialog, type IssuedLink } from "./password-link-dialog";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: `${role}: ${ROLE_DESCRIPTIONS[role]}` }));

/** Invites a person: their account exists at once, and they choose a password through the link. */
export function InviteUserForm() {
  const invite = useInviteUser();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [link, setLink] = useState<IssuedLink>();
  // A new key empties the form after a successful invitation.
  const [formKey, setFormKey] = useState(0);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = inviteUserSchema.safeParse({ email: form.get("email"), name: form.get("name"), role: form.get("role") });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(issuesOf(parsed.error)));
      return;
    }
    setErrors({});
    invite.mutate(parsed.data, {
      onSuccess: (answer) => {
        setLink({ email: answer.user.email, url: answer.setPasswordUrl, expiresAt: answer.expiresAt });
        setFormKey((key) => key + 1);
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  }

  return (
    <>
      <form key={formKey} onSubmit={submit} noValidate aria-label="Invite a person" className="grid gap-3 md:grid-cols-[1fr_1fr_1fr_auto] md:items-end">
        <TextField label="Email" name="email" type="email" autoComplete="off" errors={errors.email} />
        <TextField label="Name" name="name" autoComplete="off" errors={errors.name} />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue="viewer" errors={errors.role} />
        <button
          type="submit"
          disabled={invite.isPending}
          className="rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60"
        >
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </form>
      <div className="mt-3">
        <FormMessage message={invite.isError && !Object.keys(fieldErrorsOf(invite.error)).length ? invite.error.message : errors.form?.join(" ")} />
      </div>
      {link ? <PasswordLinkDialog {...link} onClose={() => setLink(undefined)} /> : null}
    </>
  );
}
