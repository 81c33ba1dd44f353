/** The shapes of the answers the tests read, as the OpenAPI document describes them. */
import type { ResponseSignature } from "@ninsho/core";

export interface ComponentOutcome {
  readonly kind: string;
  readonly weight: number;
  readonly outcome: "matched" | "changed" | "missing" | "added";
}

export interface MatchBody {
  readonly score: number;
  readonly threshold: number;
  readonly sameDevice: boolean;
  readonly collector: string;
  readonly components: ComponentOutcome[];
}

export type DecisionBody =
  | (MatchBody & { readonly outcome: "recognized"; readonly deviceId: string })
  | { readonly outcome: "new_device"; readonly closest?: MatchBody & { readonly deviceId: string } };

export interface LicenseView {
  readonly id: string;
  readonly status: string;
  readonly state: string;
  readonly channel: string;
  readonly policyId: string;
  readonly productId: string;
  readonly entitlements: string[];
  readonly maxDevices: number;
  readonly expiresAt?: string;
}

export interface ActivationBody {
  readonly device: { id: string; name: string; platform: string; activatedAt: string };
  readonly license: LicenseView;
  readonly lease: string;
  readonly leaseExpiresAt: string;
  readonly graceEndsAt: string;
  readonly decision: DecisionBody;
  readonly nonce?: string;
  readonly serverTime: string;
  readonly signature: ResponseSignature;
}

export interface ValidationBody {
  readonly valid: boolean;
  readonly state: string;
  readonly problem?: { code: string; message: string; remedy: string; docs: string; details?: unknown };
  readonly license: LicenseView;
  readonly device?: { id: string };
  readonly lease?: string;
  readonly leaseExpiresAt?: string;
  readonly graceEndsAt?: string;
  readonly decision?: MatchBody;
  readonly nonce: string;
  readonly serverTime: string;
  readonly signature: ResponseSignature;
}

export interface DeviceSummaryBody {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly activatedAt: string;
  readonly lastSeenAt: string;
}

export interface LicenseBody {
  readonly id: string;
  readonly productId: string;
  readonly policyId: string;
  readonly status: string;
  readonly state: string;
  readonly statusReason?: string;
  readonly keyHint: string;
  readonly ownerEmail?: string;
  readonly createdAt: string;
  readonly firstActivatedAt?: string;
  readonly expiresAt?: string;
  readonly devices?: { id: string; name: string; deactivatedAt?: string; components: unknown[] }[];
}

export interface EventBody {
  readonly id: string;
  readonly type: string;
  readonly actor: string;
  readonly reason?: string;
  readonly data: Record<string, unknown>;
  readonly createdAt: string;
}
