/** Filters dashboard summaries by free text (title, uid, tags) and by an exact tag. */
export function filterDashboards<T extends { uid: string; title: string; tags: string[] }>(items: readonly T[], { q, tag }: { q?: string; tag?: string }): T[] {
  const words = (q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter((item) => {
    if (tag && !item.tags.includes(tag)) return false;
    const haystack = `${item.title} ${item.uid} ${item.tags.join(" ")}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Every tag in use, most used first. */
export function tagCounts(items: ReadonlyArray<{ tags: string[] }>): Array<{ tag: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) for (const tag of item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
