/**
 * Offline activation on both stores, under concurrency: the device limit holds and a replayed installation ID
 * takes one slot, however many copies arrive at once (PostgreSQL skipped with a note when unreachable).
 */
import { createOfflineRequest, serializeOfflineRequest } from "@ninsho/core";
import { describe, expect, it } from "vitest";
import { backends, useBackendServers } from "../support/backends.js";
import { machine } from "../support/fingerprints.js";
import { post } from "../support/http.js";
import { canonicalKey, confirm, devicesOf, deviceVerifies, installationIdOf } from "./support.js";

describe.each(backends)("offline activation on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)("20 copies of one installation ID at once: one device, one confirmation", async () => {
    const t = await start();
    const c = await t.catalogue({ maxDevices: 2 });
    const iid = await installationIdOf(t, c.productId, c.key, machine("a"));
    const answers = await Promise.all(Array.from({ length: 20 }, () => confirm(t, iid.text)));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.body.confirmationId)).size).toBe(1);
    expect(await devicesOf(t, c.licenseId)).toHaveLength(1);
    const verified = await deviceVerifies(t, c.productId, iid, answers[0]?.body.confirmationId ?? "");
    expect(verified.ok).toBe(true);
  });

  it.skipIf(skip)(
    "12 machines at once on a 3-device license: exactly 3 get a confirmation or a file",
    async () => {
      const t = await start();
      const c = await t.catalogue({ maxDevices: 3 });
      const calls = Array.from({ length: 12 }, async (_, i) => {
        if (i % 2 === 0)
          return confirm(t, (await installationIdOf(t, c.productId, c.key, machine(`m${i}`))).text);
        const request = createOfflineRequest({
          key: canonicalKey(c.key),
          productId: c.productId,
          device: { name: `m${i}`, platform: "linux" },
          fingerprint: machine(`m${i}`),
          at: t.clock.now(),
        });
        return post(t.app, "/v1/offline/license-files", { requestFile: serializeOfflineRequest(request) });
      });
      const statuses = (await Promise.all(calls)).map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(3);
      expect(statuses.filter((s) => s === 409)).toHaveLength(9);
      expect(await devicesOf(t, c.licenseId)).toHaveLength(3);
    },
  );
});
