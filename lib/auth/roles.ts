export const ROLES = ["viewer", "responder", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, responder: 1, editor: 2, admin: 3 };

/** What each role adds, in the words the UI and error messages use. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "reads everything",
  responder: "also acknowledges alerts and creates silences",
  editor: "also edits runbooks, dashboards and SLOs",
  admin: "also manages users, tokens and settings",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && ROLES.some((role) => role === value);
}

/** True when `role` may do what `required` may: every role includes the ones before it. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** The highest of the given roles, or undefined for none. */
export function highestRole(roles: readonly Role[]): Role | undefined {
  return roles.reduce<Role | undefined>((best, role) => (best === undefined || RANK[role] > RANK[best] ? role : best), undefined);
}

/**
 * Parses VIGIL_ROLE_GROUPS, "admin=vigil-admins;editor=ml-platform,sre;responder=oncall":
 * which identity-provider groups grant which role. Throws on a malformed entry.
 */
export function parseRoleGroups(text: string): Map<string, Role> {
  const groups = new Map<string, Role>();
  for (const entry of text.split(";").map((part) => part.trim()).filter(Boolean)) {
    const [role, names, extra] = entry.split("=");
    if (extra !== undefined || !isRole(role?.trim()) || !names?.trim()) {
      throw new Error(`"${entry}" is not role=group[,group...] with a role of ${ROLES.join(", ")}`);
    }
    for (const name of names.split(",").map((part) => part.trim()).filter(Boolean)) {
      const current = groups.get(name);
      const granted = role.trim();
      if (isRole(granted)) groups.set(name, current ? (highestRole([current, granted]) ?? granted) : granted);
    }
  }
  return groups;
}

/** The role a person's groups grant: the highest match, else the fallback (undefined refuses entry). */
export function roleFromGroups(groups: readonly string[], mapping: ReadonlyMap<string, Role>, fallback: Role | undefined): Role | undefined {
  return highestRole(groups.flatMap((group) => mapping.get(group) ?? [])) ?? fallback;
}
