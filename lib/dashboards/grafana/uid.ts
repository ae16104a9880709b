import { dashboardUidSchema } from "../schema";

/** A uid from a title: lower-case ASCII letters, digits and -, at most 64 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return slug === "" ? "imported-dashboard" : slug;
}

/** Grafana's uid when our schema accepts it, else the slug of the title. */
export function chooseUid(grafanaUid: string | undefined, title: string): string {
  if (grafanaUid && dashboardUidSchema.safeParse(grafanaUid).success) return grafanaUid;
  return slugify(title);
}
