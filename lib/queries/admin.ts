import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createdTokenResponseSchema,
  passwordLinkResponseSchema,
  revokedSessionResponseSchema,
  revokedSessionsResponseSchema,
  sessionsResponseSchema,
  tokenResponseSchema,
  tokensResponseSchema,
  userResponseSchema,
  usersResponseSchema,
  type CreateTokenInput,
  type InviteUserInput,
  type UpdateUserInput,
} from "@/lib/validations/admin";
import { auditKeys } from "./audit";
import { getJson, sendJson } from "./send-json";

export type TokenScope = "mine" | "all";

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  sessions: () => [...adminKeys.all, "sessions"] as const,
  tokens: () => [...adminKeys.all, "tokens"] as const,
  tokenList: (scope: TokenScope) => [...adminKeys.tokens(), scope] as const,
};

export function usersQuery() {
  return queryOptions({
    queryKey: adminKeys.users(),
    queryFn: ({ signal }) => getJson("/api/admin/users", usersResponseSchema, signal),
  });
}

export function sessionsQuery() {
  return queryOptions({
    queryKey: adminKeys.sessions(),
    queryFn: ({ signal }) => getJson("/api/admin/sessions", sessionsResponseSchema, signal),
  });
}

export function tokensQuery(scope: TokenScope) {
  return queryOptions({
    queryKey: adminKeys.tokenList(scope),
    queryFn: ({ signal }) => getJson(scope === "all" ? "/api/tokens?all=1" : "/api/tokens", tokensResponseSchema, signal),
  });
}

/**
 * Every write touches the audit log, and people, sessions and tokens affect one another (disabling
 * someone ends their sessions), so a write refreshes all admin lists and the audit log.
 */
function useAdminMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: adminKeys.all }), client.invalidateQueries({ queryKey: auditKeys.all })]),
  });
}

function userUrl(id: string, rest = ""): string {
  return `/api/admin/users/${encodeURIComponent(id)}${rest}`;
}

export function useInviteUser() {
  return useAdminMutation((input: InviteUserInput) => sendJson("/api/admin/users", "POST", input, passwordLinkResponseSchema));
}

export function useUpdateUser() {
  return useAdminMutation(({ id, patch }: { id: string; patch: UpdateUserInput }) => sendJson(userUrl(id), "PATCH", patch, userResponseSchema));
}

export function useIssuePasswordLink() {
  return useAdminMutation((id: string) => sendJson(userUrl(id, "/password-link"), "POST", undefined, passwordLinkResponseSchema));
}

export function useRevokeUserSessions() {
  return useAdminMutation((id: string) => sendJson(userUrl(id, "/sessions"), "DELETE", undefined, revokedSessionsResponseSchema));
}

export function useRevokeSession() {
  return useAdminMutation((id: string) => sendJson(`/api/admin/sessions/${encodeURIComponent(id)}`, "DELETE", undefined, revokedSessionResponseSchema));
}

export function useCreateToken() {
  return useAdminMutation((input: CreateTokenInput) => sendJson("/api/tokens", "POST", input, createdTokenResponseSchema));
}

export function useRevokeToken() {
  return useAdminMutation((id: string) => sendJson(`/api/tokens/${encodeURIComponent(id)}`, "DELETE", undefined, tokenResponseSchema));
}
