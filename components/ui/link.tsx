"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

export type LinkProps = ComponentProps<typeof NextLink>;

/**
 * The console's link: Next's, prefetching once the person shows intent (pointer over it, keyboard
 * focus, a touch) rather than as soon as it scrolls into view. Every console page is rendered per
 * request, so viewport prefetching made each page view ask the server for every page it links to
 * (the top bar alone is ~20 renders) while the page's own data was loading. `prefetch={false}`
 * still means never; `null` is Next's default once intent is shown (docs: guides/prefetching.md,
 * "Hover-triggered prefetch").
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: LinkProps) {
  const [intent, setIntent] = useState(false);
  const never = prefetch === false;
  const show = () => {
    if (!never) setIntent(true);
  };
  return (
    <NextLink
      {...props}
      prefetch={never || !intent ? false : (prefetch ?? null)}
      onMouseEnter={(event) => {
        show();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        show();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        show();
        onTouchStart?.(event);
      }}
    />
  );
}
