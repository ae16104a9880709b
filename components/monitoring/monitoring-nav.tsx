"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { SourceSelect } from "@/components/ui/source-select";
import { useSearchParam } from "./use-search-param";

export const MONITORING_PAGES = [
  { href: "/monitoring/targets", label: "Targets" },
  { href: "/monitoring/rules", label: "Rules" },
  { href: "/monitoring/cardinality", label: "Cardinality" },
  { href: "/monitoring/routing", label: "Routing" },
  { href: "/monitoring/test-alerts", label: "Test alerts" },
  { href: "/monitoring/console", label: "Console health" },
] as const;

/** The pages that look at one Prometheus-API source, and keep the chosen one between them. */
const PER_SOURCE: readonly string[] = ["/monitoring/targets", "/monitoring/rules", "/monitoring/cardinality"];

/** The monitoring section's own tabs, and the source picker of the pages that look at Prometheus. */
export function MonitoringNav() {
  const pathname = usePathname();
  const [source, setSource] = useSearchParam("source");
  const onSourcePage = PER_SOURCE.some((href) => pathname.startsWith(href));
  return (
    <nav aria-label="Monitoring" className="mb-5 flex flex-wrap items-end gap-3 border-b border-edge">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {MONITORING_PAGES.map((page) => {
          const active = pathname.startsWith(page.href);
          return (
            <li key={page.href}>
              <Link
                href={source && PER_SOURCE.includes(page.href) ? `${page.href}?source=${encodeURIComponent(source)}` : page.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 ${active ? "border-info text-white" : "border-transparent text-slate-400 hover:text-white"}`}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {onSourcePage ? (
        <div className="mb-1 ml-auto">
          <SourceSelect label="Source" value={source || undefined} onChange={(next) => setSource(next === "default" ? undefined : next)} />
        </div>
      ) : null}
    </nav>
  );
}
