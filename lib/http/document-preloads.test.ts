import { describe, expect, it } from "vitest";
import { ALERTS_URL, preloadLinkHeader } from "./document-preloads";

const get = (pathname: string, headers: Record<string, string> = {}) => ({ method: "GET", pathname, headers: new Headers(headers) });

describe("preloadLinkHeader", () => {
  it("announces the alert list on a document load of the alert page", () => {
    expect(preloadLinkHeader(get("/alerts"))).toBe(`<${ALERTS_URL}>; rel=preload; as=fetch; crossorigin=anonymous`);
  });

  it("leaves client-side navigations (RSC requests) to React's hint", () => {
    expect(preloadLinkHeader(get("/alerts", { rsc: "1" }))).toBeUndefined();
  });

  it("announces nothing for other pages, other methods or API routes", () => {
    expect(preloadLinkHeader(get("/alerts/history"))).toBeUndefined();
    expect(preloadLinkHeader(get("/"))).toBeUndefined();
    expect(preloadLinkHeader(get(ALERTS_URL))).toBeUndefined();
    expect(preloadLinkHeader({ ...get("/alerts"), method: "POST" })).toBeUndefined();
  });
});
