import type {
  AdminToken,
  Device,
  ExpiryRule,
  License,
  LicenseEvent,
  LicenseState,
  LicenseStatus,
  Policy,
  Product,
  Role,
} from "@ninsho/core";

/**
 * The shapes of the admin API's answers (see /openapi.json), built on the core's domain types.
 * @example
 * const products: ProductList = await api.listProducts();
 */
export interface ProductList {
  readonly products: readonly Product[];
}

/**
 * A product with the public halves of its signing keys.
 * @example
 * const product: ProductDetail = await api.getProduct("prd_…");
 */
export interface ProductDetail extends Product {
  readonly publicKeys: readonly {
    readonly kid: string;
    readonly x: string;
    readonly createdAt: string;
    readonly activeFrom?: string;
    readonly retiredAt?: string;
  }[];
}

/**
 * What a signing-key rotation did (`POST /v1/admin/products/{id}/signing-keys`).
 * @example
 * const rotation: SigningKeyRotation = await api.rotateSigningKey("prd_…", "2026-06-01T00:00:00Z");
 */
export interface SigningKeyRotation {
  readonly productId: string;
  readonly kid: string;
  readonly x: string;
  readonly activeFrom: string;
  readonly retired: readonly string[];
}

/**
 * The body of `POST /v1/admin/policies`: anything omitted takes the server's defaults.
 * @example
 * const input: PolicyInput = { productId: "prd_…", name: "Retail", channel: "retail", maxDevices: 2 };
 */
export interface PolicyInput {
  readonly productId: string;
  readonly name: string;
  readonly channel: Policy["channel"];
  readonly maxDevices?: number;
  readonly leaseSeconds?: number;
  readonly graceSeconds?: number;
  readonly expiry?: ExpiryRule;
  readonly matchThreshold?: number;
  readonly componentWeights?: Readonly<Record<string, number>>;
  readonly transferable?: boolean;
  readonly transfersPerYear?: number;
  readonly entitlements?: readonly string[];
}

/**
 * A page of policies.
 * @example
 * const { policies }: PolicyList = await api.listPolicies();
 */
export interface PolicyList {
  readonly policies: readonly Policy[];
}

/**
 * A license as an admin sees it: with its state at the time of the answer (expiry included).
 * @example
 * const license: AdminLicense = await api.licenseAction("lic_…", "suspend", "chargeback");
 */
export type AdminLicense = License & { readonly state: LicenseState };

/**
 * A device as the admin API shows it (without its lease internals).
 * @example
 * const device: AdminDevice = await api.deactivateDevice("dev_…", "old PC died");
 */
export type AdminDevice = Omit<Device, "fingerprintDigest" | "leaseCounters" | "leaseIssuedAt">;

/**
 * A license with all its devices, deactivated ones included.
 * @example
 * const detail: LicenseDetail = await api.getLicense("lic_…");
 */
export type LicenseDetail = AdminLicense & { readonly devices: readonly AdminDevice[] };

/**
 * Filters and paging of `GET /v1/admin/licenses`.
 * @example
 * const query: LicenseQuery = { policyId: "pol_…", status: "suspended", limit: 50 };
 */
export interface LicenseQuery {
  readonly productId?: string;
  readonly policyId?: string;
  readonly status?: LicenseStatus;
  readonly email?: string;
  readonly after?: string;
  readonly limit?: number;
}

/**
 * A page of licenses.
 * @example
 * const { licenses }: LicenseList = await api.listLicenses({});
 */
export interface LicenseList {
  readonly licenses: readonly AdminLicense[];
}

/**
 * A page of a license's timeline, oldest first.
 * @example
 * const { events }: Timeline = await api.timeline("lic_…");
 */
export interface Timeline {
  readonly events: readonly LicenseEvent[];
}

/**
 * A token just created: the only answer that holds the token itself.
 * @example
 * const { token }: CreatedToken = await api.createToken("ci", "readonly");
 */
export type CreatedToken = AdminToken & { readonly token: string };

/**
 * The admin tokens (never the tokens themselves).
 * @example
 * const { tokens }: TokenList = await api.listTokens();
 */
export interface TokenList {
  readonly tokens: readonly AdminToken[];
}

/**
 * Who the token in use is.
 * @example
 * const me: Whoami = await api.whoami(); // { tokenId: "tok_…", role: "admin" }
 */
export interface Whoami {
  readonly tokenId: string;
  readonly role: Role;
}

/**
 * The actions `POST /v1/admin/licenses/{id}/{action}` takes with a reason.
 * @example
 * const action: StatusAction = "revoke";
 */
export type StatusAction = "suspend" | "reinstate" | "revoke";
