/**
 * How the error catalogue's test reaches each code of the self-service hardware change through HTTP (see
 * error-catalogue.happy.test.ts), kept beside the transfer tests so the codes and the flows change together.
 */
import type { ErrorCode } from "@ninsho/core";
import { machine } from "../support/fingerprints.js";
import { movedOffFork } from "../support/forks.js";
import { type Answer, post } from "../support/http.js";
import { aDevice, newNonce, type PolicyFields, type TestServer } from "../support/server.js";
import { mailedCode, ownedCatalogue } from "../support/transfers.js";

type Producers = Partial<Record<ErrorCode, () => Promise<Answer>>>;

export function transferProducers(server: () => TestServer, headers: Record<string, string>): Producers {
  /** A license sold to `email` with one device; a transfer of it with `proof` (a fresh mailed code by default). */
  const moveOne = async (fields: PolicyFields, email: string, proof?: { code?: string } | "none") => {
    const t = server();
    const c = await ownedCatalogue(t, { maxDevices: 1, ...fields }, email);
    const { deviceId } = await t.activated(c.key, machine(`${email}-old`));
    const code = proof === "none" ? {} : { code: proof?.code ?? (await mailedCode(t, c.key, email)) };
    const body = { key: c.key, ...code, replacesDeviceId: deviceId, fingerprint: machine(`${email}-new`) };
    return post(t.app, "/v1/transfers", { ...body, device: aDevice() }, { headers });
  };
  return {
    TRANSFER_NOT_ALLOWED: () => moveOne({ channel: "oem" }, "oem@example.jp"),
    TRANSFER_ALLOWANCE_EXHAUSTED: () => moveOne({ transfersPerYear: 0 }, "spent@example.jp"),
    TRANSFER_PROOF_REQUIRED: () => moveOne({}, "keyonly@example.jp", "none"),
    TRANSFER_CODE_INVALID: () => moveOne({}, "guess@example.jp", { code: "00000000" }),
    REACTIVATION_PROOF_REQUIRED: async () => {
      // A VM copy beside its owner forked the license; the owner moved off the fork; the copy asks by key.
      const t = server();
      const { c, fp } = await movedOffFork(t, {}, "forked@example.jp");
      return t.activate(c.key, fp, aDevice(), { headers });
    },
    DEVICE_REPLACED: async () => {
      const t = server();
      const email = "replaced@example.jp";
      const c = await ownedCatalogue(t, { maxDevices: 1 }, email);
      const fp = machine("replaced-old");
      const { deviceId, lease } = await t.activated(c.key, fp);
      const code = await mailedCode(t, c.key, email);
      const moved = { key: c.key, code, replacesDeviceId: deviceId, fingerprint: machine("replaced-new") };
      await post(t.app, "/v1/transfers", { ...moved, device: aDevice() });
      return t.validate({ lease }, fp, newNonce(), { headers });
    },
  };
}
