import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { TransferRequestSchema, TransferSchema } from "@ninsho/contract";
import { fail, fingerprintBinding, keyFingerprint, type License, type Result } from "@ninsho/core";
import type { Context } from "hono";
import { ownedLicenses } from "../../accounts/licenses.js";
import { sameOrigin, sessionAccount } from "../../accounts/session.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { guardKeyLookup } from "../../http/keyGuard.js";
import { respondProblem } from "../../http/respond.js";
import { signBody } from "../../http/signed.js";
import { errorResponses, jsonBody, jsonResponse } from "../../schemas/openapi.js";
import { proveNewSecret, provenRequest } from "../../services/deviceProof.js";
import { findLicenseByKey } from "../../services/licenseByKey.js";
import { probeKey } from "../../services/probeKey.js";
import { type TransferProof, transfer } from "../../services/transfer.js";

const PATH = "/v1/transfers";

const transferRoute = (deps: ServerDeps) =>
  createRoute({
    method: "post",
    path: PATH,
    tags: ["device"],
    security: [{ session: [] }, {}],
    summary: "Move the license from an old machine to this one (this replaces my device X)",
    description:
      "For the license's proven owner: a session cookie of the account that owns it (with `licenseId`; the request must come from this server's origin), or the key with the code mailed to the owner by POST /v1/transfers/codes (5 tries, 15 minutes). The key alone is TRANSFER_PROOF_REQUIRED. Within the policy's allowance (transfers per 365 days and a cool-down; POST /v1/transfers/options or GET /v1/me/licenses shows what is left); past it TRANSFER_ALLOWANCE_EXHAUSTED opens a support request and names it. The old device is deactivated in the same transaction and refused with DEVICE_REPLACED at its next contact. The new machine registers its `deviceSecret` with a `proof` made within 10 minutes of the server's time (else DEVICE_PROOF_INVALID, 401).",
    middleware: [sameOrigin(deps)] as const,
    request: { body: jsonBody(TransferRequestSchema, "The proof, the device to replace, and this machine") },
    responses: {
      201: jsonResponse(TransferSchema, "This machine now holds the slot"),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  });

/** The signed-in account's license named by `licenseId`; another account's is LICENSE_NOT_FOUND, as a missing one. */
async function accountLicense(
  deps: ServerDeps,
  accountId: Parameters<typeof ownedLicenses>[1],
  licenseId: string | undefined,
): Promise<Result<License>> {
  const id = licenseId ?? "—";
  const mine = (await ownedLicenses(deps, accountId)).find(({ license }) => license.id === id);
  return mine ? { ok: true, value: mine.license } : fail("LICENSE_NOT_FOUND", { licenseId: id });
}

export function registerTransfer(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openapi(transferRoute(deps), async (c) => {
    const body = c.req.valid("json");
    // The new machine's device secret, sealed and registered with its new device once a proof by it checks.
    const proven = provenRequest(PATH, body, deps.secrets);
    const secret = proveNewSecret(proven, deps.clock(), true);
    if (!secret.ok) return respondProblem(c, secret.error);
    const move = (license: License, proof: TransferProof) =>
      transfer(deps, {
        license,
        proof,
        replacesDeviceId: body.replacesDeviceId,
        // Matched and stored only in keyed form: the database never holds a digest the client sent.
        fingerprint: keyFingerprint(deps.secrets.componentDigests, body.fingerprint),
        presented: body.fingerprint,
        device: body.device,
        ...secret.value,
      });
    const result = await proveAndMove(deps, c, body, move);
    if (!result.ok) return respondProblem(c, result.error);
    const { device, lease, replacesDeviceId, transfersLeft, productId } = result.value;
    const answer = await signBody(deps, productId, {
      device: { id: device.id, name: device.name },
      replacesDeviceId,
      // The same id under its first name: the SDK 0.1.0 in shipped apps checks this field (deprecated).
      fromDeviceId: replacesDeviceId,
      transfersLeft,
      lease: lease.token,
      leaseExpiresAt: lease.leaseExpiresAt,
      graceEndsAt: lease.graceEndsAt,
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
      fingerprintDigest: fingerprintBinding(body.fingerprint),
      serverTime: deps.clock().toISOString(),
    });
    return c.json(answer, 201);
  });
}

/**
 * Which proof the request carries, then the move: a session (a cookie that names no live session is
 * SIGN_IN_REQUIRED, never a quiet fall-back to the key), else the key with a mailed code under the key-guessing
 * limits, else TRANSFER_PROOF_REQUIRED.
 */
async function proveAndMove<T>(
  deps: ServerDeps,
  c: Context<AppEnv>,
  body: { licenseId?: string | undefined; key?: string | undefined; code?: string | undefined },
  move: (license: License, proof: TransferProof) => Promise<Result<T>>,
): Promise<Result<T>> {
  const account = await sessionAccount(deps, c);
  if (account) {
    const license = await accountLicense(deps, account, body.licenseId);
    return license.ok ? move(license.value, { kind: "account", accountId: account.id }) : license;
  }
  const { key, code } = body;
  if (key === undefined || code === undefined) return fail("TRANSFER_PROOF_REQUIRED");
  return guardKeyLookup(
    deps,
    c,
    () => probeKey(deps, key),
    async () => {
      const found = await findLicenseByKey(deps, key);
      if (!found.ok) return found;
      if (body.licenseId !== undefined && body.licenseId !== found.value.id)
        return fail("LICENSE_NOT_FOUND", { licenseId: body.licenseId });
      return move(found.value, { kind: "code", code });
    },
  );
}
