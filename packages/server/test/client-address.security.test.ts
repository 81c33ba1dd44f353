/**
 * Who a request comes from: the socket's peer, or the address the operator's proxies saw, read from the right
 * of X-Forwarded-For; grouped by IPv6 prefix for the limits.
 */
import { describe, expect, it } from "vitest";
import { addressGroup } from "../src/http/addressGroup.js";
import { clientAddressPicker } from "../src/http/trustProxy.js";

describe("client address", () => {
  describe("security", () => {
    it("a forged left hop never becomes the client", () => {
      for (const trust of [1, ["10.0.0.0/8"]] as const) {
        const pick = clientAddressPicker(trust);
        expect(pick("10.0.0.3", "1.1.1.1, 198.51.100.7")).toBe("198.51.100.7");
        expect(pick("10.0.0.3", "2.2.2.2, 198.51.100.7")).toBe("198.51.100.7");
      }
    });

    it("garbage where the client should be counts against the proxy that passed it on", () => {
      expect(clientAddressPicker(1)("10.0.0.3", "not-an-address")).toBe("10.0.0.3");
      expect(clientAddressPicker(["10.0.0.0/8"])("10.0.0.3", "junk, 10.0.0.4")).toBe("10.0.0.4");
    });

    it("one IPv6 customer rotating addresses within a /64 stays one client", () => {
      const groups = new Set(
        Array.from({ length: 50 }, (_, i) => addressGroup(`2001:db8:7:9:${i.toString(16)}:1:2:3`)),
      );
      expect([...groups]).toEqual(["2001:db8:7:9::/64"]);
    });
  });
});
