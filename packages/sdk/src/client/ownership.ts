import {
  DeviceCodeGrantSchema,
  DeviceCodeSchema,
  TransferCodeSentSchema,
  TransferOptionsSchema,
} from "@ninsho/contract";
import { postJson } from "./http/transport.js";
import type { OnlineContext, StepResult } from "./online.js";
import { seed } from "./problem.js";

/**
 * The proof of ownership a transfer made with the key carries: the code mailed to the license's owner
 * (`client.requestTransferCode()`). A signed-in session is the web's and the device CLI's way, not the app's.
 *
 * @example
 * await client.transfer("dev_01OLDMACHINE", { code: "48213907" });
 */
export interface TransferProof {
  readonly code: string;
}

/**
 * The license's devices and its allowance, before a transfer (`POST /v1/transfers/options`).
 * @example
 * const shown = await client.transferOptions();
 * if (shown.ok) console.log(shown.options.transfers.left);
 */
export type TransferOptions = ReturnType<typeof TransferOptionsSchema.parse>;

/**
 * The device code to show its user while the app waits (RFC 8628's flow, like `gh auth login`).
 * @example
 * const onCode = ({ userCode, verificationUri }: DeviceCodePrompt) => console.log(`Open ${verificationUri}, enter ${userCode}`);
 */
export interface DeviceCodePrompt {
  /** The short code the user types on the page, e.g. `BCDF-GHJK`. */
  readonly userCode: string;
  /** The page to open, signed in (`https://…/device`). */
  readonly verificationUri: string;
  /** The same page with the code filled in. */
  readonly verificationUriComplete: string;
  /** When the code stops working (ISO 8601). */
  readonly expiresAt: string;
}

/**
 * How `client.activateWithAccount()` shows the code and waits.
 *
 * @example
 * await client.activateWithAccount({ onCode: ({ userCode, verificationUri }) => show(userCode, verificationUri) });
 */
export interface AccountActivationOptions {
  /** Show the code and the page to the user (called once, before the first poll). */
  readonly onCode: (prompt: DeviceCodePrompt) => void | Promise<void>;
  /** Stop waiting (the user cancelled): the result is DEVICE_CODE_EXPIRED. */
  readonly signal?: AbortSignal;
  /** How to wait between polls; a test passes one that advances its clock. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const invalid = (what: string): StepResult<never> => ({
  ok: false,
  seed: seed("RESPONSE_INVALID", undefined, { reason: what }),
  connection: "invalid_response",
});

/** What `ask` reads an answer with: a contract schema. */
interface Reader<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * POST an unsigned request and read its answer with a contract schema. These answers move nothing on this
 * machine (a code on its way, a list, a key to activate with as usual), so they need no signature.
 */
async function ask<T>(
  ctx: OnlineContext,
  path: string,
  body: Record<string, unknown>,
  schema: Reader<T>,
): Promise<StepResult<T>> {
  const got = await postJson(ctx.transport, path, body);
  if (!got.ok) return { ok: false, seed: got.seed, connection: got.connection };
  const parsed = schema.safeParse(got.body);
  return parsed.success ? { ok: true, value: parsed.data } : invalid(`not an answer of ${path}`);
}

/**
 * Mail a transfer code to the license's owner (the key's account, or the email the vendor sold it to).
 *
 * @example
 * const sent = await requestTransferCodeOnline(ctx, key); // { to: "a•••@example.jp", expiresAt }
 */
export const requestTransferCodeOnline = (ctx: OnlineContext, key: string) =>
  ask(ctx, "/v1/transfers/codes", { key }, TransferCodeSentSchema);

/**
 * The license's devices and transfer allowance, to choose the device this machine replaces.
 *
 * @example
 * const options = await transferOptionsOnline(ctx, key);
 * if (options.ok) console.log(options.value.transfers.left);
 */
export const transferOptionsOnline = (ctx: OnlineContext, key: string) =>
  ask(ctx, "/v1/transfers/options", { key }, TransferOptionsSchema);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The device-code sign-in: ask for a code, show it, and poll until the signed-in owner approves it on the web
 * (then the license's key comes back, once), the code expires, or the wait is cancelled.
 *
 * @example
 * const grant = await deviceCodeGrant(ctx, { onCode: (p) => console.log(p.userCode) });
 * if (grant.ok) await client.installKey(grant.value.key);
 */
export async function deviceCodeGrant(
  ctx: OnlineContext,
  options: AccountActivationOptions,
): Promise<StepResult<{ licenseId: string; key: string }>> {
  const code = await ask(ctx, "/v1/device-codes", { productId: ctx.productId }, DeviceCodeSchema);
  if (!code.ok) return code;
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn, interval } = code.value;
  const expiresAtMs = ctx.now() + expiresIn * 1000;
  const expiresAt = new Date(expiresAtMs).toISOString();
  await options.onCode({ userCode, verificationUri, verificationUriComplete, expiresAt });
  const sleep = options.sleep ?? defaultSleep;
  const expired: StepResult<never> = { ok: false, seed: seed("DEVICE_CODE_EXPIRED"), connection: "refused" };
  while (ctx.now() < expiresAtMs) {
    await sleep(interval * 1000);
    if (options.signal?.aborted) return expired;
    const grant = await ask(ctx, "/v1/device-codes/token", { deviceCode }, DeviceCodeGrantSchema);
    if (grant.ok) return grant;
    if (grant.seed.code !== "DEVICE_CODE_PENDING") return grant;
  }
  return expired;
}
