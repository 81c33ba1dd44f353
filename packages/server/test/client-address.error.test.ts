/**
 * Who a request comes from: the socket's peer, or the address the operator's proxies saw, read from the right
 * of X-Forwarded-For; grouped by IPv6 prefix for the limits.
 */
import { describe, expect, it } from "vitest";
import { parseTrustProxy, trustProxyProblem } from "../src/http/trustProxy.js";

describe("client address", () => {
  describe("error", () => {
    it("reads --trust-proxy as a count or a list of ranges, and nothing else", () => {
      expect(parseTrustProxy("1")).toBe(1);
      expect(parseTrustProxy(" 10.0.0.0/8, fd00::/8 ,192.0.2.1")).toEqual([
        "10.0.0.0/8",
        "fd00::/8",
        "192.0.2.1",
      ]);
      for (const bad of [
        "",
        "true",
        "yes",
        "-1",
        "99",
        "10.0.0.0/33",
        "10.0.0.0/8/1",
        "10.0.0.0/x",
        "example.com",
      ]) {
        expect(parseTrustProxy(bad), bad).toBeUndefined();
      }
    });

    it("refuses `true` through the API: it trusted the hop the client writes", () => {
      expect(trustProxyProblem(true)).toContain("no longer accepted");
      expect(trustProxyProblem(1.5)).toBeDefined();
      expect(trustProxyProblem(["nonsense"])).toBeDefined();
      expect(trustProxyProblem(2)).toBeUndefined();
      expect(trustProxyProblem(["10.0.0.0/8"])).toBeUndefined();
    });
  });
});
