/**
 * Every signed-in account route that takes an id, as the OpenAPI document lists them (so a route added later is
 * walked too), called by a second account with the first one's ids: each answers 404 exactly as an id that
 * never existed, names nothing of the first account, and changes nothing — on a SQLite file and on PostgreSQL.
 * The attacker: a customer with a real account who has learned another customer's license and device ids
 * (from a shared screenshot, a support mail, a log).
 */
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../../../testing/openapi.js";
import { accountCall } from "../support/accounts.js";
import { backends, useBackendServers } from "../support/backends.js";
import { get } from "../support/http.js";
import { listedDevice, type OwnerWithDevices, ownerWithDevices } from "./myDevicesSetup.js";

/** The id of the victim's a path template names: its license under /v1/me/licenses, its device under /devices. */
function victimId(path: string, victim: OwnerWithDevices): string {
  if (path.startsWith("/v1/me/licenses/")) return victim.licenseId;
  if (path.startsWith("/v1/me/devices/")) return victim.desktop;
  throw new Error(`${path}: an account route with an id this walk does not know — teach it the id's kind`);
}

/** A body the route accepts from its owner, so a refusal can only come from the id. */
const bodyFor = (method: string): unknown =>
  method === "patch" ? { name: "Taken over" } : method === "post" ? {} : undefined;

describe.each(backends)("account routes with swapped ids on $name", ({ name, skip }) => {
  const start = useBackendServers(name);

  it.skipIf(skip)(
    "a second account gets 404 on every /v1/me route that takes an id, as for an id that never existed",
    async () => {
      const t = await start();
      const victim = await ownerWithDevices(t, "aiko@example.jp");
      const attacker = await ownerWithDevices(t, "kenji@example.jp");
      const before = await t.timeline(victim.licenseId);
      const doc = (await get<OpenApiDocument>(t.app, "/openapi.json")).body;
      const walked: string[] = [];
      for (const [template, methods] of Object.entries(doc.paths)) {
        if (!template.startsWith("/v1/me/") || !template.includes("{id}")) continue;
        for (const method of Object.keys(methods)) {
          const path = template.replace("{id}", victimId(template, victim));
          const ghost = path.replace(/(dev|lic)_[0-9A-Z]+/, "$1_01NEVER");
          const body = bodyFor(method);
          const answer = await accountCall(t, method.toUpperCase(), path, body, attacker);
          const never = await accountCall(t, method.toUpperCase(), ghost, body, attacker);
          const label = `${method.toUpperCase()} ${template}`;
          expect(answer.status, label).toBe(404);
          const ids = /(dev|lic)_[0-9A-Z]+/g;
          expect(answer.text.replace(ids, "ID"), label).toBe(never.text.replace(ids, "ID"));
          expect(answer.text, label).not.toContain("aiko");
          expect(answer.text, label).not.toContain("Desktop");
          walked.push(label);
        }
      }
      // The walk is not empty by accident: the routes of the day are all in it.
      expect(walked).toEqual(
        expect.arrayContaining([
          "GET /v1/me/licenses/{id}",
          "GET /v1/me/licenses/{id}/timeline",
          "GET /v1/me/licenses/{id}/refusals",
          "PATCH /v1/me/devices/{id}",
          "POST /v1/me/devices/{id}/deactivate",
        ]),
      );
      expect(await listedDevice(t, victim.cookie, victim.desktop)).toMatchObject({ name: "Desktop" });
      expect((await listedDevice(t, victim.cookie, victim.desktop))?.deactivatedAt).toBeUndefined();
      expect(await t.timeline(victim.licenseId)).toEqual(before);
    },
  );
});
