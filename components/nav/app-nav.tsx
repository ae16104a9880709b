"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ITEMS } from "./nav-items";

/** The top bar. Only finished pages are listed in NAV_ITEMS. */
export function AppNav() {
  const pathname = usePathname();
  return (
    <header className="border-b border-edge bg-panel/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex h-12 max-w-screen-2xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-white">
          <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-full bg-ok shadow-[0_0_8px] shadow-ok" />
          Vigil
        </Link>
        <ul className="flex items-center gap-1 text-sm">
          {NAV_ITEMS.map((item) => {
            const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? "page" : undefined}
                  className={`rounded px-2.5 py-1.5 ${active ? "bg-edge text-white" : "text-slate-400 hover:text-white"}`}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
