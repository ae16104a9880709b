"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormMessage } from "@/components/auth/form-fields";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { Time } from "@/components/ui/time";
import { isRole, ROLES } from "@/lib/auth/roles";
import { useIssuePasswordLink, useRevokeUserSessions, usersQuery, useUpdateUser } from "@/lib/queries/admin";
import type { UserSummary } from "@/lib/validations/admin";
import { InviteUserForm } from "./invite-user-form";
import { PasswordLinkDialog, type IssuedLink } from "./password-link-dialog";
import { DataTable } from "@/components/ui/data-table";

export interface UsersAdminProps {
  /** The signed-in admin, who cannot demote or disable themself. */
  currentUserId: string;
}

const PASSWORD_STATES: Record<UserSummary["password"], string> = {
  set: "password set",
  invited: "invited",
  "link-expired": "invitation expired",
  none: "single sign-on",
};

const BUTTON = "rounded border border-edge px-2 py-1 text-xs text-slate-200 hover:text-white disabled:opacity-50";

interface UserRowProps {
  user: UserSummary;
  isSelf: boolean;
  /** Reports a failed action, or clears the last report with no message. */
  onError: (message?: string) => void;
  onLink: (link: IssuedLink) => void;
}

function UserRow({ user, isSelf, onError, onLink }: UserRowProps) {
  const update = useUpdateUser();
  const revokeSessions = useRevokeUserSessions();
  const issueLink = useIssuePasswordLink();
  const busy = update.isPending || revokeSessions.isPending || issueLink.isPending;
  const fail = (what: string) => (error: Error) => onError(`Could not ${what} ${user.name}: ${error.message}`);
  // A new action clears the message an earlier one left.
  const start = () => onError(undefined);
  return (
    <tr className={user.disabled ? "text-slate-500" : undefined}>
      <td className="py-2 pr-3">
        <div className="font-medium text-slate-100">{user.name}</div>
        <div className="text-xs text-slate-400">{user.email}</div>
      </td>
      <td className="py-2 pr-3">
        <select
          aria-label={`Role of ${user.name}`}
          // Show the role being saved rather than snapping back while the request runs.
          value={update.isPending && update.variables.patch.role ? update.variables.patch.role : user.role}
          disabled={busy || isSelf}
          title={isSelf ? "You cannot change your own role" : undefined}
          onChange={(event) => {
            const role = event.target.value;
            if (!isRole(role)) return;
            start();
            update.mutate({ id: user.id, patch: { role } }, { onError: fail("change the role of") });
          }}
          className="rounded border border-edge bg-surface px-2 py-1 text-sm text-white disabled:opacity-60"
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 pr-3">
        {user.disabled ? <span className="text-rose-300">disabled</span> : <span>enabled</span>}
        <div className="text-xs text-slate-500">
          {PASSWORD_STATES[user.password]}
          {user.linkExpiresAt ? (
            <>
              {" "}
              until <Time iso={user.linkExpiresAt} />
            </>
          ) : null}
        </div>
      </td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={user.createdAt} />
      </td>
      <td className="py-2 pr-3 text-xs">
        <Time iso={user.lastSignInAt} />
      </td>
      <td className="py-2 pr-3 text-right tabular-nums">{user.activeSessions}</td>
      <td className="py-2">
        <div className="flex flex-wrap justify-end gap-1.5">
          <button
            type="button"
            className={BUTTON}
            disabled={busy || isSelf}
            title={isSelf ? "You cannot disable yourself" : undefined}
            onClick={() => {
              start();
              update.mutate({ id: user.id, patch: { disabled: !user.disabled } }, { onError: fail(user.disabled ? "enable" : "disable") });
            }}
          >
            {user.disabled ? `Enable ${user.name}` : `Disable ${user.name}`}
          </button>
          <button
            type="button"
            className={BUTTON}
            disabled={busy || user.activeSessions === 0}
            aria-label={`Sign ${user.name} out everywhere`}
            onClick={() => {
              start();
              revokeSessions.mutate(user.id, { onError: fail("sign out") });
            }}
          >
            Sign out everywhere
          </button>
          <button
            type="button"
            className={BUTTON}
            disabled={busy || user.disabled}
            aria-label={`New set-password link for ${user.name}`}
            onClick={() => {
              start();
              issueLink.mutate(user.id, {
                onSuccess: (answer) => onLink({ email: answer.user.email, url: answer.setPasswordUrl, expiresAt: answer.expiresAt }),
                onError: fail("make a set-password link for"),
              });
            }}
          >
            New set-password link
          </button>
        </div>
      </td>
    </tr>
  );
}

/** The users page: invite people, change roles, disable and enable, sign people out. */
export function UsersAdmin({ currentUserId }: UsersAdminProps) {
  const query = useQuery(usersQuery());
  const [error, setError] = useState<string>();
  const [link, setLink] = useState<IssuedLink>();
  return (
    <div className="space-y-4">
      <Panel title="Invite a person" description="They get an account at once and choose their password through a one-time link (valid 72 hours).">
        <InviteUserForm />
      </Panel>
      <Panel
        title="People"
        description={query.data ? `${query.data.users.length} accounts, ${query.data.users.filter((user) => !user.disabled).length} enabled` : undefined}
      >
        <FormMessage message={error} />
        <QueryState
          query={query}
          errorTitle="Could not load the people with accounts"
          loadingLabel="Loading people"
          isEmpty={(data) => data.users.length === 0}
          empty="Nobody has an account yet. Invite someone above."
        >
          {(data) => (
            <DataTable columns={[{ label: "Person" }, { label: "Role" }, { label: "Status" }, { label: "Created" }, { label: "Last sign-in" }, { label: "Sessions", align: "right" }, { label: "Actions", align: "right" }]}>
                  {data.users.map((user) => (
                    <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onError={setError} onLink={setLink} />
                  ))}
                </DataTable>
          )}
        </QueryState>
      </Panel>
      {link ? <PasswordLinkDialog {...link} onClose={() => setLink(undefined)} /> : null}
    </div>
  );
}
