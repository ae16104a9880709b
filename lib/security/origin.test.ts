import { describe, expect, it } from "vitest";
import { parseOrigin, resolveConsoleOrigin, servedOverHttps } from "./origin";

describe("resolveConsoleOrigin", () => {
  it("prefers VIGIL_PUBLIC_URL, dropping its path", () => {
    expect(
      resolveConsoleOrigin({ publicUrl: "https://ops.example.com/vigil", host: "127.0.0.1:3000", forwardedHost: null, forwardedProto: "http" }),
    ).toEqual({ origin: "https://ops.example.com", source: "VIGIL_PUBLIC_URL" });
  });

  it("falls back to X-Forwarded-Host, then Host, with X-Forwarded-Proto's scheme", () => {
    expect(resolveConsoleOrigin({ publicUrl: undefined, host: "127.0.0.1:3000", forwardedHost: "vigil.example.com", forwardedProto: "https" })).toEqual({
      origin: "https://vigil.example.com",
      source: "X-Forwarded-Host",
    });
    expect(resolveConsoleOrigin({ publicUrl: undefined, host: "localhost:3000", forwardedHost: null, forwardedProto: null })).toEqual({
      origin: "http://localhost:3000",
      source: "Host",
    });
  });

  it("calls an X-Forwarded-Host equal to Host the Host (Next.js's server copies it)", () => {
    expect(resolveConsoleOrigin({ publicUrl: undefined, host: "127.0.0.1:3000", forwardedHost: "127.0.0.1:3000", forwardedProto: "http" })).toEqual({
      origin: "http://127.0.0.1:3000",
      source: "Host",
    });
  });

  it("gives up on a Host that is not a host name", () => {
    for (const host of ["", "evil.example/@localhost", "user@localhost", "localhost:3000/path", "a b"]) {
      expect(resolveConsoleOrigin({ publicUrl: undefined, host, forwardedHost: null, forwardedProto: "http" })).toBeUndefined();
    }
  });
});

describe("servedOverHttps", () => {
  it("is true when the request or VIGIL_PUBLIC_URL says https", () => {
    expect(servedOverHttps({ publicUrl: undefined, forwardedProto: "https" })).toBe(true);
    expect(servedOverHttps({ publicUrl: "https://vigil.example.com", forwardedProto: "http" })).toBe(true);
    expect(servedOverHttps({ publicUrl: "http://localhost:3000", forwardedProto: "http" })).toBe(false);
    expect(servedOverHttps({ publicUrl: undefined, forwardedProto: null })).toBe(false);
  });
});

describe("parseOrigin", () => {
  it("serializes http(s) URLs the way browsers write Origin, and refuses the rest", () => {
    expect(parseOrigin("HTTPS://Vigil.Example.com:443/x?y")).toBe("https://vigil.example.com");
    expect(parseOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    expect(parseOrigin("file:///etc/passwd")).toBeUndefined();
    expect(parseOrigin("not a url")).toBeUndefined();
  });
});
