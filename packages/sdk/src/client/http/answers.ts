import { type ErrorCode, isErrorCode } from "@ninsho/core";

/**
 * The license as a signed answer describes it.
 *
 * @example
 * const view: LicenseView = { id: "lic_01…", productId: "prd_01…", channel: "retail", status: "active", state: "active", entitlements: ["pro"] };
 */
export interface LicenseView {
  readonly id: string;
  readonly productId: string;
  readonly channel: string;
  readonly status: string;
  readonly state: string;
  readonly entitlements: readonly string[];
  readonly expiresAt?: string;
  readonly policyId?: string;
  readonly maxDevices?: number;
}

/**
 * @example
 * const activation = readAnswer.activation(body); // ActivationAnswer | undefined
 */
export interface ActivationAnswer {
  readonly deviceId: string;
  readonly lease: string;
  readonly license: LicenseView;
  readonly decision?: unknown;
}

/**
 * @example
 * const v = readAnswer.validation(body);
 * if (v && !v.valid) console.log(v.problem?.code); // "LICENSE_REVOKED"
 */
export interface ValidationAnswer {
  readonly valid: boolean;
  readonly state: string;
  readonly license: LicenseView;
  readonly deviceId?: string;
  readonly lease?: string;
  readonly problem?: {
    readonly code: ErrorCode;
    readonly message?: string;
    readonly remedy?: string;
    readonly details?: unknown;
  };
  readonly decision?: unknown;
}

/**
 * @example
 * const d = readAnswer.deactivation(body); // { deviceId: "dev_01…", deactivatedAt: "2026-…" }
 */
export interface DeactivationAnswer {
  readonly deviceId: string;
  readonly deactivatedAt: string;
}

/**
 * @example
 * const t = readAnswer.transfer(body);
 * console.log(t?.transfersLeft); // 2
 */
export interface TransferAnswer {
  readonly deviceId: string;
  readonly fromDeviceId: string;
  readonly transfersLeft: number;
  readonly lease: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function licenseView(v: unknown): LicenseView | undefined {
  if (!isObject(v)) return undefined;
  const [id, productId, channel, status, state] = [v.id, v.productId, v.channel, v.status, v.state].map(str);
  const entitlements = v.entitlements;
  if (!id || !productId || !channel || !status || !state) return undefined;
  if (!Array.isArray(entitlements) || !entitlements.every((e) => typeof e === "string")) return undefined;
  const expiresAt = str(v.expiresAt);
  const policyId = str(v.policyId);
  const maxDevices = Number.isInteger(v.maxDevices) ? Number(v.maxDevices) : undefined;
  return {
    id,
    productId,
    channel,
    status,
    state,
    entitlements,
    ...(expiresAt ? { expiresAt } : {}),
    ...(policyId ? { policyId } : {}),
    ...(maxDevices === undefined ? {} : { maxDevices }),
  };
}

function problemOf(v: unknown): ValidationAnswer["problem"] {
  if (!isObject(v) || typeof v.code !== "string" || !isErrorCode(v.code)) return undefined;
  return {
    code: v.code,
    ...(typeof v.message === "string" ? { message: v.message } : {}),
    ...(typeof v.remedy === "string" ? { remedy: v.remedy } : {}),
    ...(v.details === undefined ? {} : { details: v.details }),
  };
}

const deviceId = (v: unknown): string | undefined => (isObject(v) ? str(v.id) : undefined);

/**
 * Read the answers of the device API; `undefined` for an answer of the wrong shape (signed or not).
 *
 * @example
 * const answer = await postSigned(transport, "/v1/validate", { lease, fingerprint });
 * const validation = answer.ok ? readAnswer.validation(answer.body) : undefined;
 */
export const readAnswer = {
  activation(body: Json): ActivationAnswer | undefined {
    const license = licenseView(body.license);
    const device = deviceId(body.device);
    const lease = str(body.lease);
    if (!license || !device || !lease) return undefined;
    return {
      deviceId: device,
      lease,
      license,
      ...(body.decision === undefined ? {} : { decision: body.decision }),
    };
  },

  validation(body: Json): ValidationAnswer | undefined {
    const license = licenseView(body.license);
    const state = str(body.state);
    if (!license || state === undefined || typeof body.valid !== "boolean") return undefined;
    const device = deviceId(body.device);
    const lease = str(body.lease);
    const problem = problemOf(body.problem);
    return {
      valid: body.valid,
      state,
      license,
      ...(device ? { deviceId: device } : {}),
      ...(lease ? { lease } : {}),
      ...(problem ? { problem } : {}),
      ...(body.decision === undefined ? {} : { decision: body.decision }),
    };
  },

  deactivation(body: Json): DeactivationAnswer | undefined {
    const device = isObject(body.device) ? body.device : undefined;
    const id = str(device?.id);
    const at = str(device?.deactivatedAt);
    return id && at ? { deviceId: id, deactivatedAt: at } : undefined;
  },

  transfer(body: Json): TransferAnswer | undefined {
    const device = deviceId(body.device);
    const from = str(body.fromDeviceId);
    const lease = str(body.lease);
    if (!device || !from || !lease || typeof body.transfersLeft !== "number") return undefined;
    return { deviceId: device, fromDeviceId: from, transfersLeft: body.transfersLeft, lease };
  },
};
