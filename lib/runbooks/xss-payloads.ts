/*
 * Markdown that tries to run script, load something from elsewhere or smuggle markup through the
 * runbook renderer. Each payload would set window.__xss, open a dialog or request XSS_HOST if it
 * worked; the unit test checks the rendered HTML and the e2e test renders them in Chromium.
 */

/** A host no payload may reach; the browser test fails on any request to it. */
export const XSS_HOST = "xss.vigil.invalid";
const TRIP = "window.__xss=1;alert(1)";
const URL = `https://${XSS_HOST}/x`;

export const XSS_PAYLOADS: readonly string[] = [
  // Script elements, plain and disguised.
  `<script>${TRIP}</script>`,
  `<SCRIPT SRC=${URL}.js></SCRIPT>`,
  `<scr<script>ipt>${TRIP}</scr</script>ipt>`,
  `<script/xss src="${URL}.js"></script>`,
  `<<script>${TRIP};//<</script>`,
  `<script\n>${TRIP}</script\n>`,
  // Event handlers.
  `<img src=x onerror="${TRIP}">`,
  `<img src="${URL}.png" onload="${TRIP}">`,
  `<body onload="${TRIP}">`,
  `<div onmouseover="${TRIP}" style="position:fixed;inset:0">hover</div>`,
  `<input autofocus onfocus="${TRIP}">`,
  `<details open ontoggle="${TRIP}">x</details>`,
  `<video><source onerror="${TRIP}"></video>`,
  `<audio src=x onerror=${TRIP}>`,
  `<marquee onstart="${TRIP}">x</marquee>`,
  `<select autofocus onfocus=${TRIP}>`,
  // javascript:, vbscript: and data: URLs in markdown links and images.
  `[click](javascript:${TRIP})`,
  `[click](JaVaScRiPt:${TRIP})`,
  `[click](java\tscript:${TRIP})`,
  `[click](  javascript:${TRIP})`,
  `[click](&#106;avascript:${TRIP})`,
  `[click](javascript&colon;${TRIP})`,
  `[click](vbscript:msgbox(1))`,
  `[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[click](data:text/html,<script>${TRIP}</script>)`,
  `![x](javascript:${TRIP})`,
  `![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  `![x](${URL}.png)`,
  `![x](//${XSS_HOST}/pixel.png)`,
  `![x](/\\${XSS_HOST}/pixel.png)`,
  `[ref]\n\n[ref]: javascript:${TRIP}`,
  `![ref]\n\n[ref]: ${URL}.gif`,
  `<javascript:${TRIP}>`,
  `[a](<javascript:${TRIP}>)`,
  `[a](javascript:${TRIP} "title")`,
  `[![img](javascript:${TRIP})](javascript:${TRIP})`,
  // SVG and MathML.
  `<svg onload="${TRIP}"></svg>`,
  `<svg><script>${TRIP}</script></svg>`,
  `<svg><a xlink:href="javascript:${TRIP}"><text y="20">x</text></a></svg>`,
  `<svg><animate onbegin="${TRIP}" attributeName="x" dur="1s"/></svg>`,
  `<svg><foreignObject><iframe src="javascript:${TRIP}"></iframe></foreignObject></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${TRIP}"></style></mglyph></table></mtext></math>`,
  // Frames, objects, forms, meta and base.
  `<iframe src="javascript:${TRIP}"></iframe>`,
  `<iframe srcdoc="<script>parent.${TRIP}</script>"></iframe>`,
  `<object data="${URL}.swf"></object>`,
  `<embed src="${URL}.swf">`,
  `<form action="javascript:${TRIP}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${TRIP}">`,
  `<base href="${URL}/">`,
  `<link rel="stylesheet" href="${URL}.css">`,
  `<style>@import "${URL}.css"; body{background:url(${URL}.png)}</style>`,
  // Broken HTML and parser confusion.
  `<img src=x onerror=${TRIP}`,
  `<a href="javascript:${TRIP}">unclosed`,
  `<!--><img src=x onerror="${TRIP}">-->`,
  `<![CDATA[<script>${TRIP}</script>]]>`,
  `<noscript><p title="</noscript><img src=x onerror=${TRIP}>">`,
  `<textarea><img src=x onerror="${TRIP}"></textarea>`,
  `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:${TRIP}">entities</a>`,
  // Markdown constructs carrying markup.
  "```html\n<script>" + TRIP + "</script>\n```",
  "```promql\n</code><img src=x onerror=\"" + TRIP + "\">\n```",
  "`<img src=x onerror=\"" + TRIP + "\">`",
  `| a | b |\n|---|---|\n| <img src=x onerror="${TRIP}"> | [x](javascript:${TRIP}) |`,
  `> <script>${TRIP}</script>`,
  `- [ ] <img src=x onerror="${TRIP}">`,
  `[x](https://example.com "\\"onmouseover=\\"${TRIP}")`,
  `<a id="__xss" name="__xss">clobber</a>`,
  `<form id="defaultView"><input name="__xss"></form>`,
];
