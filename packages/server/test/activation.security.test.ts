import { describe, expect, it } from "vitest";
import { digestOf, machine } from "./support/fingerprints.js";
import { aDevice, useServers } from "./support/server.js";

describe("activation", () => {
  const servers = useServers();

  describe("security", () => {
    it("one license never reveals the devices of another, even for the same machine", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 }, 2);
      const [a, b] = c.licenses;
      if (!a || !b) throw new Error("two licenses");
      await t.activated(a.key, machine("shared"), aDevice("Secret name A"));
      const res = await t.activate(b.key, machine("shared"));
      expect(res.status).toBe(201);
      expect(res.text).not.toContain("Secret name A");
    });

    it("never echoes raw component digests of other devices in a refusal", async () => {
      const t = await servers.start();
      const c = await t.catalogue({ maxDevices: 1 });
      await t.activated(c.key, machine("private"));
      const res = await t.activate(c.key, machine("intruder"));
      expect(res.status).toBe(409);
      expect(res.text).not.toContain(digestOf("private:board"));
    });
  });
});
