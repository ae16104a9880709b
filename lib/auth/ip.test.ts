import { describe, expect, it } from "vitest";
import { addressMatcher, normalizeAddress } from "./ip";

describe("addressMatcher", () => {
  const trusted = addressMatcher(["10.0.0.5", "192.168.0.0/16", "::1", "fd00::/8"]);

  it.each([
    ["10.0.0.5", true],
    ["10.0.0.6", false],
    ["192.168.44.2", true],
    ["::ffff:192.168.1.1", true],
    ["::1", true],
    ["fd12::1", true],
    ["2001:db8::1", false],
    ["not-an-ip", false],
    ["", false],
  ])("%s is trusted: %s", (address, expected) => {
    expect(trusted(address)).toBe(expected);
  });

  it("trusts nothing when empty", () => {
    expect(addressMatcher([])("127.0.0.1")).toBe(false);
  });

  it("normalizes IPv4-mapped addresses only", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::ffff:zz")).toBe("::ffff:zz");
  });
});
