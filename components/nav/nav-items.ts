export interface NavItem {
  href: string;
  label: string;
}

/** Pages in the main navigation. A page appears here only when it is finished. */
export const NAV_ITEMS: NavItem[] = [{ href: "/", label: "Overview" }];
