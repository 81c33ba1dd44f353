/** Which addresses count as the server's own network, a table both ways (refused, and let through). */
import { describe, expect, it } from "vitest";
import { hostOf, isPrivateAddress } from "../../src/webhooks/targets.js";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "0.0.0.0",
    "10.1.2.3",
    "100.64.0.1",
    "169.254.169.254",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "fc00::1",
    "fdff:ffff::1",
    "fe80::1",
    "febf::1",
    "ff02::1",
  ])("%s is inside", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "203.0.113.10",
    "172.15.255.255",
    "172.32.0.1",
    "192.169.0.1",
    "169.255.0.1",
    "100.128.0.1",
    "11.0.0.1",
    "2606:4700:4700::1111",
    "2001:db8::1",
    "::ffff:8.8.8.8",
    "fbff::1",
    "fe00::1",
  ])("%s is outside", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it("is false for a name, which must be resolved first", () => {
    expect(isPrivateAddress("localhost")).toBe(false);
  });
});

describe("hostOf", () => {
  it("gives the bare literal or the name, lower case, without brackets or a trailing dot", () => {
    expect(hostOf(new URL("http://[::1]:8080/"))).toBe("::1");
    expect(hostOf(new URL("http://LocalHost./"))).toBe("localhost");
    expect(hostOf(new URL("http://0x7f.1/"))).toBe("127.0.0.1");
  });
});
