import type { ComponentPropsWithoutRef } from "react";
import ReactMarkdown, { type Components, type UrlTransform } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { isExternalHref, safeHref, safeImageSrc } from "@/lib/runbooks/safe-url";

export interface MarkdownProps {
  children: string;
  /** Replace how elements render (runbooks draw ```promql blocks as live charts). */
  components?: Components;
  className?: string;
}

// GitHub's sanitizer schema, plus the class names code highlighting needs on code blocks. Only
// http(s)/mailto links and the console's own image paths survive (urlTransform below narrows
// further); no element keeps a style, an event handler or an id that could clobber globals.
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w-]+$/]],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["http", "https"] },
};

/** Every URL in the tree goes through here: unsafe ones are removed rather than rewritten. */
const urlTransform: UrlTransform = (url, key, node) => {
  if (key === "src" && node.tagName === "img") return safeImageSrc(url);
  if (key === "href") return safeHref(url);
  return key === "src" ? safeImageSrc(url) : safeHref(url);
};

export type SafeAnchorProps = ComponentPropsWithoutRef<"a"> & { node?: unknown };

/** A link from markdown: external ones open apart and send no referrer; a dropped href leaves plain text. */
export function SafeAnchor({ node: _node, href, children, ...rest }: SafeAnchorProps) {
  if (!href) return <span>{children}</span>;
  const external = isExternalHref(href);
  return (
    <a
      {...rest}
      href={href}
      rel="noopener noreferrer nofollow"
      {...(external ? { target: "_blank" } : {})}
      className="text-sky-300 underline decoration-sky-300/40 hover:decoration-sky-300"
    >
      {children}
    </a>
  );
}

function SafeImage({ node: _node, src, alt, title }: ComponentPropsWithoutRef<"img"> & { node?: unknown }) {
  if (typeof src !== "string" || src === "") {
    // An image from elsewhere is not loaded; say what was there instead of leaving a hole.
    return <span className="text-slate-400">[image{alt ? `: ${alt}` : ""}]</span>;
  }
  // eslint-disable-next-line @next/next/no-img-element -- markdown images are arbitrary console paths, not optimisable assets
  return <img src={src} alt={alt ?? ""} title={title} loading="lazy" referrerPolicy="no-referrer" className="max-w-full" />;
}

/**
 * Markdown from users and upstreams (runbooks, text panels, alert annotations). Raw HTML is never
 * rendered, the tree is sanitized, and only safe URLs survive (lib/runbooks/safe-url.ts);
 * highlighting runs after sanitizing so only its own class names are added.
 */
export function Markdown({ children, components, className = "" }: MarkdownProps) {
  return (
    <div className={`markdown ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, schema], [rehypeHighlight, { detect: false, plainText: ["promql", "text"] }]]}
        components={{ a: SafeAnchor, img: SafeImage, ...components }}
        urlTransform={urlTransform}
        skipHtml
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
