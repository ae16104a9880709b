"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/roles";
import { navItemsFor, type NavItem } from "./nav-items";

export interface AppNavProps {
  actor: { name: string; role: Role; via: "session" | "token" | "proxy" };
}

function NavLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={`rounded px-2.5 py-1.5 ${active ? "bg-edge text-white" : "text-slate-400 hover:text-white"}`}
    >
      {item.label}
    </Link>
  );
}

/** The top bar: the pages the actor's role may open (NAV_ITEMS), admin pages grouped. */
export function AppNav({ actor }: AppNavProps) {
  const pathname = usePathname();
  const items = navItemsFor(actor.role);
  const main = items.filter((item) => !item.group);
  const admin = items.filter((item) => item.group === "Admin");
  return (
    <header className="border-b border-edge bg-panel/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-screen-2xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-white">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-ok shadow-[0_0_8px] shadow-ok" />
          Vigil
        </Link>
        <ul className="flex flex-1 items-center gap-1 text-sm">
          {main.map((item) => (
            <li key={item.href}>
              <NavLink item={item} pathname={pathname} />
            </li>
          ))}
          {admin.length > 0 ? (
            <li className="ml-2 border-l border-edge pl-3">
              {/* Named for assistive technology only: a visible "Admin" would read as the person's role. */}
              <ul aria-label="Admin" className="flex items-center gap-1">
                {admin.map((item) => (
                  <li key={item.href}>
                    <NavLink item={item} pathname={pathname} />
                  </li>
                ))}
              </ul>
            </li>
          ) : null}
        </ul>
        <div className="flex items-center gap-3 text-xs text-slate-400">
          <span>
            <span className="text-slate-200">{actor.name}</span> · {actor.role}
          </span>
          {actor.via === "session" ? (
            <form action="/api/auth/sign-out" method="post">
              <button type="submit" className="rounded border border-edge px-2 py-1 text-slate-300 hover:text-white">
                Sign out
              </button>
            </form>
          ) : null}
        </div>
      </nav>
    </header>
  );
}
