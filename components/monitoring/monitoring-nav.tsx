"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const MONITORING_PAGES = [
  { href: "/monitoring/targets", label: "Targets" },
  { href: "/monitoring/rules", label: "Rules" },
  { href: "/monitoring/cardinality", label: "Cardinality" },
  { href: "/monitoring/routing", label: "Routing" },
  { href: "/monitoring/test-alerts", label: "Test alerts" },
  { href: "/monitoring/console", label: "Console health" },
] as const;

/** The monitoring section's own tabs. */
export function MonitoringNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Monitoring" className="mb-5 border-b border-edge">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {MONITORING_PAGES.map((page) => {
          const active = pathname.startsWith(page.href);
          return (
            <li key={page.href}>
              <Link
                href={page.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 ${active ? "border-info text-white" : "border-transparent text-slate-400 hover:text-white"}`}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
