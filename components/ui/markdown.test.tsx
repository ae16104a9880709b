import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { XSS_HOST, XSS_PAYLOADS } from "@/lib/runbooks/xss-payloads";
import { Markdown } from "./markdown";

function render(markdown: string): string {
  return renderToStaticMarkup(<Markdown>{markdown}</Markdown>);
}

const DANGEROUS_ELEMENTS = ["script", "iframe", "object", "embed", "form", "meta", "base", "link", "style", "svg", "math", "input autofocus", "body", "video", "audio", "marquee", "select", "textarea", "noscript"];

describe("Markdown", () => {
  it("has at least 50 XSS payloads to check", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(XSS_PAYLOADS.map((payload, index) => [index, payload]))("renders payload %i inert: %s", (_index, payload) => {
    const html = render(payload);
    for (const element of DANGEROUS_ELEMENTS) expect(html.toLowerCase()).not.toContain(`<${element}`);
    // No event handler attribute, whatever its case.
    expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    // No URL attribute that runs script, embeds data or reaches another host.
    for (const [, attribute, value] of html.matchAll(/\s(href|src|action|formaction|data|srcdoc|xlink:href)="([^"]*)"/gi)) {
      expect(value, attribute).not.toMatch(/^\s*(javascript|vbscript|data):/i);
      if (attribute?.toLowerCase() !== "href") expect(value, attribute).not.toContain(XSS_HOST);
    }
    expect(html).not.toMatch(/\sid="(__xss|defaultView)"/);
  });

  it("keeps ordinary markdown: headings, links, tables, highlighted code", () => {
    const html = render("# Title\n\n[docs](https://prometheus.io/docs/) and [a dashboard](/dashboards/inferno)\n\n| a |\n|---|\n| 1 |\n\n```bash\nkubectl get pods\n```");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain('href="https://prometheus.io/docs/"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('href="/dashboards/inferno"');
    expect(html).toContain("<table>");
    expect(html).toMatch(/<code class="hljs language-bash">/);
  });

  it("loads images only from the console's own paths", () => {
    expect(render("![graph](/icon.svg)")).toContain('src="/icon.svg"');
    expect(render("![graph](https://example.com/a.png)")).toContain("[image: graph]");
    expect(render("![graph](//example.com/a.png)")).not.toContain("example.com");
  });
});
