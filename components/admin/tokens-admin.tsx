"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useState, type FormEvent } from "react";
import { FormMessage, TextField } from "@/components/auth/form-fields";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { SelectField } from "@/components/ui/select-field";
import { Time } from "@/components/ui/time";
import { ROLE_DESCRIPTIONS, ROLES, roleAtLeast, type Role } from "@/lib/auth/roles";
import { tokensQuery, useCreateToken, useRevokeToken, type TokenScope } from "@/lib/queries/admin";
import { fieldErrorsOf } from "@/lib/queries/send-json";
import { createTokenSchema, fieldErrorsFrom, issuesOf, type ApiTokenSummary } from "@/lib/validations/admin";
import { DataTable } from "@/components/ui/data-table";

export interface TokensAdminProps {
  role: Role;
  isAdmin: boolean;
  scope: TokenScope;
  /** False when the page is opened with a token or proxy credential that cannot create tokens. */
  canCreate: boolean;
}

const EXPIRY_OPTIONS = [1, 7, 30, 90, 180, 365].map((days) => ({ value: String(days), label: days === 1 ? "1 day" : `${days} days` }));

function tokenState(token: ApiTokenSummary, now: number): "active" | "expired" | "revoked" {
  if (token.revokedAt) return "revoked";
  return Date.parse(token.expiresAt) <= now ? "expired" : "active";
}

function CreateTokenForm({ role }: { role: Role }) {
  const create = useCreateToken();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ name: string; secret: string }>();
  const [formKey, setFormKey] = useState(0);
  const roleOptions = ROLES.filter((candidate) => roleAtLeast(role, candidate)).map((candidate) => ({
    value: candidate,
    label: `${candidate}: ${ROLE_DESCRIPTIONS[candidate]}`,
  }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = createTokenSchema.safeParse({ name: form.get("name"), role: form.get("role"), expiresInDays: Number(form.get("expiresInDays")) });
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(issuesOf(parsed.error)));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (answer) => {
        setCreated({ name: answer.token.name, secret: answer.secret });
        setFormKey((key) => key + 1);
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  }

  return (
    <>
      <form key={formKey} onSubmit={submit} noValidate aria-label="Create a token" className="grid gap-3 md:grid-cols-[2fr_2fr_1fr_auto] md:items-end">
        <TextField label="Name" name="name" autoComplete="off" errors={errors.name} />
        <SelectField label="Role" name="role" options={roleOptions} defaultValue={roleOptions[0]?.value} errors={errors.role} />
        <SelectField label="Expires after" name="expiresInDays" options={EXPIRY_OPTIONS} defaultValue="30" errors={errors.expiresInDays} />
        <button
          type="submit"
          disabled={create.isPending}
          className="rounded bg-info/90 px-3 py-2 text-sm font-medium text-slate-950 hover:bg-info disabled:opacity-60"
        >
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
      <div className="mt-3">
        <FormMessage message={create.isError && !Object.keys(fieldErrorsOf(create.error)).length ? create.error.message : errors.form?.join(" ")} />
      </div>
      {created ? (
        <Dialog title={`Your new token "${created.name}"`} onClose={() => setCreated(undefined)}>
          <p className="text-sm text-slate-300">
            Copy it now: it is shown only this once. Vigil keeps only a hash, so nobody can show it to you again. Send it as{" "}
            <code className="text-slate-100">Authorization: Bearer &lt;token&gt;</code>.
          </p>
          <div className="mt-3 flex items-center gap-2">
            <input
              readOnly
              aria-label="Token secret"
              value={created.secret}
              onFocus={(event) => event.currentTarget.select()}
              className="w-full rounded border border-edge bg-surface px-2 py-1.5 font-mono text-xs text-white"
            />
            <CopyButton text={created.secret} label="Copy the token" />
          </div>
        </Dialog>
      ) : null}
    </>
  );
}

interface TokenRowProps {
  token: ApiTokenSummary;
  showOwner: boolean;
  /** When the list was fetched, to tell expired tokens from active ones. */
  now: number;
  onError: (message?: string) => void;
}

function TokenRow({ token, showOwner, now, onError }: TokenRowProps) {
  const revoke = useRevokeToken();
  const state = tokenState(token, now);
  return (
    <tr className={state === "active" ? undefined : "text-slate-500"}>
      <td className="py-2 pr-3">
        <div className="font-medium text-slate-100">{token.name}</div>
        <div className="font-mono text-xs text-slate-400">{token.prefix}…</div>
      </td>
      {showOwner ? (
        <td className="py-2 pr-3 text-xs">
          {token.owner.name}
          <div className="text-slate-500">{token.owner.email}</div>
        </td>
      ) : null}
      <td className="py-2 pr-3">{token.role}</td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={token.createdAt} />
      </td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={token.expiresAt} />
      </td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={token.lastUsedAt} />
      </td>
      <td className="py-2 pr-3 text-xs">{state === "revoked" ? <>revoked <Time iso={token.revokedAt} /></> : state}</td>
      <td className="py-2 text-right">
        {state === "revoked" ? null : (
          <button
            type="button"
            disabled={revoke.isPending}
            aria-label={`Revoke ${token.name}`}
            onClick={() => {
              onError(undefined);
              revoke.mutate(token.id, { onError: (error) => onError(`Could not revoke ${token.name}: ${error.message}`) });
            }}
            className="rounded border border-edge px-2 py-1 text-xs text-slate-200 hover:text-white disabled:opacity-50"
          >
            {revoke.isPending ? "Revoking…" : "Revoke"}
          </button>
        )}
      </td>
    </tr>
  );
}

/** API tokens for automation: create one (shown once), see which exist and when they were used, revoke. */
export function TokensAdmin({ role, isAdmin, scope, canCreate }: TokensAdminProps) {
  const query = useQuery(tokensQuery(scope));
  const [error, setError] = useState<string>();
  const showOwner = scope === "all";
  return (
    <div className="space-y-4">
      <Panel
        title="Create a token"
        description="For scripts and automation. A token acts with its role, never above yours, and stops working when it expires or you revoke it."
      >
        {canCreate ? (
          <CreateTokenForm role={role} />
        ) : (
          <p className="text-sm text-slate-400">Tokens are created by people signed in to the console, not by other tokens or proxies.</p>
        )}
      </Panel>
      <Panel
        title={showOwner ? "Everyone's tokens" : "Your tokens"}
        actions={
          isAdmin ? (
            <Link href={showOwner ? "/admin/tokens" : "/admin/tokens?all=1"} className="text-xs text-info hover:underline">
              {showOwner ? "Show only yours" : "Show everyone's"}
            </Link>
          ) : undefined
        }
      >
        <FormMessage message={error} />
        <QueryState
          query={query}
          errorTitle="Could not load the tokens"
          loadingLabel="Loading tokens"
          isEmpty={(data) => data.tokens.length === 0}
          empty={showOwner ? "Nobody has created a token yet." : "You have no tokens yet. Create one above."}
        >
          {(data) => (
            <DataTable columns={[{ label: "Token" }, ...(showOwner ? [{ label: "Owner" }] : []), { label: "Role" }, { label: "Created" }, { label: "Expires" }, { label: "Last used" }, { label: "State" }, { label: "Actions", align: "right" as const, visuallyHidden: true }]}>
                  {data.tokens.map((token) => (
                    <TokenRow key={token.id} token={token} showOwner={showOwner} now={query.dataUpdatedAt} onError={setError} />
                  ))}
                </DataTable>
          )}
        </QueryState>
      </Panel>
    </div>
  );
}
