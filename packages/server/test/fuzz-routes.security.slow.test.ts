/**
 * Bad input is a coded 4xx on every route. The routes come from the server's own OpenAPI document, so a route
 * added later is fuzzed without a change here. Each route gets its share of at least 20,000 generated requests
 * (parameters, query and body drawn from its schemas, seeded with the real ids, key, lease, request file and
 * installation ID of a seeded server, under admin, support, readonly, no and a forged token). None may answer
 * 5xx, leak a stack, or name a code outside the catalogue; the heap does not grow without bound; and the
 * server answers an honest activation and validation normally afterwards.
 */

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildInstallationId, createOfflineRequest, serializeOfflineRequest } from "@ninsho/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetMs } from "../../../testing/budget.js";
import { RateLimits } from "../src/security/rateLimits.js";
import { canonicalKey, offlineKey } from "./offline/support.js";
import { machine } from "./support/fingerprints.js";
import { call, get } from "./support/http.js";
import { expectSafeError } from "./support/safeAnswer.js";
import { type FuzzDocument, type KnownValues, requestsFor, routesOf } from "./support/schemaArbitrary.js";
import { aDevice, newNonce, useServers } from "./support/server.js";

const TOTAL_REQUESTS = 20_000;
/** Generous: a leak of even a few hundred bytes per request over 20,000 requests stays under it only barely. */
const HEAP_GROWTH_BOUND = 96 * 1024 * 1024;

/** A full collection, so heap figures compare what is live and not what the collector has not reached yet. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  gc();
}

describe("fuzz: every route of the OpenAPI document", () => {
  const servers = useServers();

  it(
    `${TOTAL_REQUESTS} generated requests across every route: no 5xx, no stack, only catalogue codes, bounded heap`,
    async () => {
      const t = await servers.start({
        limits: RateLimits.inMemory({ perClient: 1_000_000_000, global: 1_000_000_000, windowSeconds: 60 }),
      });
      const doc = (await get<FuzzDocument>(t.app, "/openapi.json")).body;
      const routes = routesOf(doc);
      expect(routes.length).toBeGreaterThanOrEqual(30);

      const c = await t.catalogue({ maxDevices: 3 }, 2);
      const second = c.licenses[1];
      if (second === undefined) throw new Error("two licenses were issued");
      const fp = machine("fuzz-seed");
      const { deviceId, lease } = await t.activated(c.key, fp);
      const readonly = await t.token("readonly");
      const support = await t.token("support");
      const { productNumber } = await offlineKey(t, c.productId);
      const iid = buildInstallationId({
        key: canonicalKey(second.key),
        productNumber,
        components: machine("iid"),
        at: t.clock.now(),
      });
      const requestFile = serializeOfflineRequest(
        createOfflineRequest({
          key: canonicalKey(second.key),
          productId: c.productId,
          device: aDevice(),
          fingerprint: machine("file"),
          at: t.clock.now(),
        }),
      );
      // The admin token's own id is left out: revoking it would turn the rest of the run into 401s.
      const ids = [c.productId, c.policyId, c.licenseId, second.id, deviceId, readonly.id, support.id];
      const known: KnownValues = {
        id: ids,
        key: [c.key, second.key, c.key.toLowerCase()],
        lease: [lease],
        nonce: [newNonce()],
        productId: [c.productId],
        policyId: [c.policyId],
        licenseId: [c.licenseId, second.id],
        deviceId: [deviceId],
        replacesDeviceId: [deviceId],
        transferFromDeviceId: [deviceId],
        installationId: [iid.text, iid.groups.join(" ")],
        requestFile: [requestFile],
        after: [c.licenseId],
      };
      const tokens = fc.constantFrom<string | undefined>(
        t.admin,
        t.admin,
        t.admin,
        support.token,
        readonly.token,
        undefined,
        "nin_forged",
      );

      const perRoute = Math.ceil(TOTAL_REQUESTS / routes.length);
      collectGarbage();
      const heapBefore = process.memoryUsage().heapUsed;
      let sent = 0;
      for (const route of routes) {
        await fc.assert(
          fc.asyncProperty(requestsFor(doc, route, known), tokens, async (request, token) => {
            sent += 1;
            const res = await call(t.app, request.method, request.url, undefined, {
              ...(token === undefined ? {} : { token }),
              ...(request.body === undefined
                ? {}
                : { raw: request.body, headers: { "content-type": "application/json" } }),
            });
            expectSafeError(res, `${request.method} ${request.url} ${request.body?.slice(0, 300) ?? ""}`);
          }),
          { numRuns: perRoute, seed: 20_250_101 + sent },
        );
      }
      collectGarbage();
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      expect(sent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
      expect(heapGrowth).toBeLessThan(HEAP_GROWTH_BOUND);

      // Afterwards the server still serves an honest customer.
      expect((await get(t.app, "/healthz")).status).toBe(200);
      const after = await t.catalogue();
      const honest = machine("honest-after-fuzz");
      const activated = await t.activate(after.key, honest);
      expect(activated.status).toBe(201);
      // By its lease: validation by key no longer vouches for a device (DEVICE_PROOF_REQUIRED, issue 10.3).
      const honestLease = (activated.body as { lease?: string }).lease ?? "";
      const validated = await t.validate({ lease: honestLease }, honest);
      expect([validated.status, validated.body.valid]).toEqual([200, true]);
    },
    budgetMs(TOTAL_REQUESTS, 45),
  ); // 45 ms a request: far above what one takes (testing/budget.ts)
});
