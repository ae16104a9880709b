/** The text of a hast node and its descendants (a code block's source), without depending on hast's types. */
export function hastText(node: unknown): string {
  if (typeof node !== "object" || node === null) return "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node && Array.isArray(node.children)) return node.children.map(hastText).join("");
  return "";
}

/** Whether a hast `pre` holds a code block in this language (`language-<name>` on its `code`). */
export function isCodeBlockIn(node: unknown, language: string): boolean {
  if (typeof node !== "object" || node === null || !("children" in node) || !Array.isArray(node.children)) return false;
  const code: unknown = node.children.find((child: unknown) => typeof child === "object" && child !== null && "tagName" in child && child.tagName === "code");
  if (typeof code !== "object" || code === null || !("properties" in code)) return false;
  const properties = code.properties;
  if (typeof properties !== "object" || properties === null || !("className" in properties)) return false;
  const className = properties.className;
  return Array.isArray(className) && className.includes(`language-${language}`);
}
