import { roleAtLeast, type Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  /** The lowest role that may open the page; the server checks it again. */
  minRole: Role;
  /** Items of a group are listed together under its name. */
  group?: "Admin";
}

/** Pages in the main navigation. A page appears here only when it is finished. */
export const NAV_ITEMS: NavItem[] = [
  // The on-call path first: what fires, what is muted, what to look at, what to do.
  { href: "/", label: "Overview", minRole: "viewer" },
  { href: "/alerts", label: "Alerts", minRole: "viewer" },
  { href: "/silences", label: "Silences", minRole: "viewer" },
  { href: "/dashboards", label: "Dashboards", minRole: "viewer" },
  { href: "/explore", label: "Explore", minRole: "viewer" },
  { href: "/runbooks", label: "Runbooks", minRole: "viewer" },
  { href: "/slos", label: "SLOs", minRole: "viewer" },
  { href: "/cost", label: "Cost", minRole: "viewer" },
  { href: "/gpus", label: "GPUs", minRole: "viewer" },
  { href: "/monitoring", label: "Monitoring", minRole: "viewer" },
  { href: "/audit", label: "Audit", minRole: "viewer" },
  { href: "/admin/tokens", label: "Tokens", minRole: "viewer" },
  { href: "/admin/users", label: "Users", minRole: "admin", group: "Admin" },
  { href: "/admin/sessions", label: "Sessions", minRole: "admin", group: "Admin" },
];

/** The items a role may open: hiding the rest keeps people from links that would answer 403. */
export function navItemsFor(role: Role, items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => roleAtLeast(role, item.minRole));
}
