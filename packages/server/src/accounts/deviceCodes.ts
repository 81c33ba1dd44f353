import { randomInt } from "node:crypto";
import {
  canonicalUserCode,
  DEVICE_CODE_LIFETIME_MS,
  DEVICE_CODE_POLL_SECONDS,
  fail,
  ok,
  type Result,
  USER_CODE_ALPHABET,
  unseal,
} from "@ninsho/core";
import type { AccountRecord } from "@ninsho/store";
import type { ServerDeps } from "../deps.js";
import { type Refusal, throttled } from "./counters.js";
import { ownedLicenses } from "./licenses.js";
import { accountLink } from "./mail/send.js";
import { newAccountToken, tokenDigest } from "./secrets.js";

/** Wrong user codes one account may type per 15 minutes: a guesser gets a handful of 2.6·10^10. */
const WRONG_USER_CODES = 10;

const newUserCode = (): string => {
  const letters = Array.from(
    { length: 8 },
    () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)] ?? "B",
  );
  return `${letters.slice(0, 4).join("")}-${letters.slice(4).join("")}`;
};

/**
 * A device asks to be activated with an owner's license (RFC 8628's device authorization): a secret device code
 * it keeps (stored as its digest) and a short user code its user types on a signed-in page.
 * @example
 * const code = await requestDeviceCode(deps, "prd_…");
 */
export async function requestDeviceCode(deps: ServerDeps, productId: string) {
  if (!(await deps.store.products.findById(productId))) return fail("PRODUCT_NOT_FOUND", { productId });
  const now = deps.clock();
  const deviceCode = newAccountToken();
  const userCode = newUserCode();
  await deps.store.deviceCodes.insert({
    digest: tokenDigest(deviceCode),
    userCode,
    productId,
    status: "pending",
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DEVICE_CODE_LIFETIME_MS).toISOString(),
  });
  const verificationUri = accountLink(deps, "/device");
  return ok({
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}#code=${userCode}`,
    expiresIn: DEVICE_CODE_LIFETIME_MS / 1000,
    interval: DEVICE_CODE_POLL_SECONDS,
  });
}

/**
 * The signed-in owner approves the device showing `typedCode` for one of their licenses of its product. A code
 * that names no waiting device is USER_CODE_NOT_FOUND, counted per account (past 10 in 15 minutes: RATE_LIMITED);
 * a license not the account's, or of another product, is LICENSE_NOT_FOUND.
 * @example
 * const approved = await approveDeviceCode(deps, account, "bcdf-ghjk", "lic_…");
 */
export async function approveDeviceCode(
  deps: ServerDeps,
  account: AccountRecord,
  typedCode: string,
  licenseId: string,
): Promise<Result<void, Refusal>> {
  const now = deps.clock();
  const userCode = canonicalUserCode(typedCode);
  const found = userCode === undefined ? undefined : await deps.store.deviceCodes.findByUserCode(userCode);
  if (found?.status !== "pending" || Date.parse(found.expiresAt) <= now.getTime()) {
    const counted = await deps.store.rateLimits.consume(`dc:a:${account.id}`, 1, 900_000, now.getTime());
    if (counted.count > WRONG_USER_CODES)
      return {
        ok: false,
        error: throttled(Math.max(1, Math.ceil((counted.resetAt - now.getTime()) / 1000))),
      };
    return fail("USER_CODE_NOT_FOUND");
  }
  const mine = (await ownedLicenses(deps, account)).find(({ license }) => license.id === licenseId);
  if (!mine || mine.license.productId !== found.productId) return fail("LICENSE_NOT_FOUND", { licenseId });
  const approved = await deps.store.deviceCodes.approve(
    found.digest,
    account.id,
    licenseId,
    now.toISOString(),
  );
  return approved ? ok(undefined) : fail("USER_CODE_NOT_FOUND");
}

/**
 * The device polls: DEVICE_CODE_PENDING until its owner approves, then the license and its key, once
 * (DEVICE_CODE_EXPIRED afterwards, and for a code unknown or past its ten minutes).
 * @example
 * const grant = await redeemDeviceCode(deps, deviceCode); // { licenseId, key }
 */
export async function redeemDeviceCode(
  deps: ServerDeps,
  deviceCode: string,
): Promise<Result<{ licenseId: string; key: string }>> {
  const digest = tokenDigest(deviceCode);
  const found = await deps.store.deviceCodes.findByDigest(digest);
  if (!found || Date.parse(found.expiresAt) <= deps.clock().getTime()) return fail("DEVICE_CODE_EXPIRED");
  if (found.status === "pending")
    return fail("DEVICE_CODE_PENDING", {
      userCode: found.userCode,
      verificationUri: accountLink(deps, "/device"),
    });
  const licenseId = found.licenseId;
  if (found.status !== "approved" || licenseId === undefined) return fail("DEVICE_CODE_EXPIRED");
  if (!(await deps.store.deviceCodes.markUsed(digest))) return fail("DEVICE_CODE_EXPIRED");
  const sealed = await deps.store.licenses.sealedKey(licenseId);
  if (sealed === undefined) return fail("LICENSE_NOT_FOUND", { licenseId });
  return ok({ licenseId, key: unseal(deps.secrets, sealed, licenseId) });
}
