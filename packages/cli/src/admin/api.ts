import {
  type AdminDevice,
  type AdminLicense,
  type AdminToken,
  type CreatedToken,
  CreatedTokenSchema,
  DeviceSchema,
  type KeyBatchRequest,
  type LicenseDetail,
  LicenseDetailSchema,
  type LicenseList,
  LicenseListSchema,
  type LicenseQuery,
  LicenseSchema,
  type Policy,
  type PolicyInput,
  type PolicyList,
  PolicyListSchema,
  PolicySchema,
  type Product,
  type ProductDetail,
  ProductDetailSchema,
  type ProductList,
  ProductListSchema,
  ProductSchema,
  type RevealedKey,
  RevealedKeySchema,
  type SigningKeyRotation,
  SigningKeyRotationSchema,
  type Timeline,
  TimelineSchema,
  type TokenList,
  TokenListSchema,
  TokenSchema,
  type UsageReport,
  UsageReportSchema,
  type VolumeGrant,
  type VolumeGrantRequest,
  VolumeGrantSchema,
  type Whoami,
  WhoamiSchema,
} from "@ninsho/contract";
import type { Role } from "@ninsho/core";
import { Http, type HttpOptions } from "./http.js";

const enc = encodeURIComponent;

/**
 * The actions `POST /v1/admin/licenses/{id}/{action}` takes with a reason.
 * @example
 * const action: StatusAction = "revoke";
 */
export type StatusAction = "suspend" | "reinstate" | "revoke";

/**
 * A typed client of the admin API (`/v1/admin/…`, described by the server's /openapi.json). Every answer is
 * checked against the route's schema in `@ninsho/contract` (the one the server answers by) before the CLI
 * uses it; a failure throws a `CliError` carrying the API's code, message and remedy, or RESPONSE_INVALID.
 * @example
 * const api = new AdminApi({ baseUrl: "http://127.0.0.1:8080", token: process.env.NINSHO_TOKEN, locale: "en" });
 * const { products } = await api.listProducts();
 */
export class AdminApi {
  /** The transport, for callers that stream (`keys generate`). */
  readonly http: Http;

  constructor(options: HttpOptions) {
    this.http = new Http(options);
  }

  /** @example await api.whoami(); // { tokenId: "tok_…", role: "admin" } */
  whoami(): Promise<Whoami> {
    return this.http.json(WhoamiSchema, "GET", "/v1/admin/whoami");
  }

  /** @example await api.createProduct("Photo Studio"); */
  createProduct(name: string): Promise<Product> {
    return this.http.json(ProductSchema, "POST", "/v1/admin/products", { body: { name } });
  }

  /** @example (await api.listProducts()).products; */
  listProducts(): Promise<ProductList> {
    return this.http.json(ProductListSchema, "GET", "/v1/admin/products");
  }

  /** @example (await api.getProduct("prd_…")).publicKeys; */
  getProduct(id: string): Promise<ProductDetail> {
    return this.http.json(ProductDetailSchema, "GET", `/v1/admin/products/${enc(id)}`);
  }

  /** @example await api.rotateSigningKey("prd_…", "2026-06-01T00:00:00Z"); // or without an instant: now */
  rotateSigningKey(id: string, activatesAt?: string): Promise<SigningKeyRotation> {
    const body = activatesAt === undefined ? {} : { activatesAt };
    return this.http.json(SigningKeyRotationSchema, "POST", `/v1/admin/products/${enc(id)}/signing-keys`, {
      body,
    });
  }

  /** @example await api.createPolicy({ productId: "prd_…", name: "Retail", channel: "retail" }); */
  createPolicy(input: PolicyInput): Promise<Policy> {
    return this.http.json(PolicySchema, "POST", "/v1/admin/policies", { body: input });
  }

  /** @example await api.listPolicies("prd_…"); */
  listPolicies(productId?: string): Promise<PolicyList> {
    return this.http.json(PolicyListSchema, "GET", "/v1/admin/policies", { query: { productId } });
  }

  /** @example await api.getPolicy("pol_…"); */
  getPolicy(id: string): Promise<Policy> {
    return this.http.json(PolicySchema, "GET", `/v1/admin/policies/${enc(id)}`);
  }

  /** @example await api.listLicenses({ status: "suspended", limit: 50 }); */
  listLicenses(query: LicenseQuery): Promise<LicenseList> {
    return this.http.json(LicenseListSchema, "GET", "/v1/admin/licenses", { query: { ...query } });
  }

  /** @example (await api.getLicense("lic_…")).devices; */
  getLicense(id: string): Promise<LicenseDetail> {
    return this.http.json(LicenseDetailSchema, "GET", `/v1/admin/licenses/${enc(id)}`);
  }

  /** @example await api.lookupLicense("K7QXM-2H9RB-…"); */
  lookupLicense(key: string): Promise<LicenseDetail> {
    // In the body, never the URL: URLs end up in proxy logs and shell histories.
    return this.http.json(LicenseDetailSchema, "POST", "/v1/admin/licenses/lookup", { body: { key } });
  }

  /** @example (await api.timeline("lic_…", { limit: 1000 })).events; */
  timeline(id: string, page: { after?: string; limit?: number } = {}): Promise<Timeline> {
    return this.http.json(TimelineSchema, "GET", `/v1/admin/licenses/${enc(id)}/timeline`, {
      query: { ...page },
    });
  }

  /** @example await api.licenseAction("lic_…", "suspend", "chargeback"); */
  licenseAction(id: string, action: StatusAction, reason: string): Promise<AdminLicense> {
    return this.http.json(LicenseSchema, "POST", `/v1/admin/licenses/${enc(id)}/${action}`, {
      body: { reason },
    });
  }

  /** @example await api.extend("lic_…", "2027-12-31T00:00:00.000Z", "renewal"); // null: perpetual */
  extend(id: string, expiresAt: string | null, reason: string): Promise<AdminLicense> {
    return this.http.json(LicenseSchema, "POST", `/v1/admin/licenses/${enc(id)}/extend`, {
      body: { expiresAt, reason },
    });
  }

  /** @example await api.reassignOwner("lic_…", "new@example.com", "sold the company"); */
  reassignOwner(id: string, email: string | null, reason: string): Promise<AdminLicense> {
    return this.http.json(LicenseSchema, "POST", `/v1/admin/licenses/${enc(id)}/owner`, {
      body: { email, reason },
    });
  }

  /** @example await api.warrantyRepair("lic_…", "board replaced under warranty, RMA 4411"); */
  warrantyRepair(id: string, reason: string): Promise<AdminLicense> {
    return this.http.json(LicenseSchema, "POST", `/v1/admin/licenses/${enc(id)}/warranty-repairs`, {
      body: { reason },
    });
  }

  /** @example await api.entitlements("lic_…", { add: ["export"], remove: [] }, "bought the add-on"); */
  entitlements(
    id: string,
    change: { readonly add: readonly string[]; readonly remove: readonly string[] },
    reason: string,
  ): Promise<AdminLicense> {
    return this.http.json(LicenseSchema, "POST", `/v1/admin/licenses/${enc(id)}/entitlements`, {
      body: { add: [...change.add], remove: [...change.remove], reason },
    });
  }

  /** @example (await api.revealKey("lic_…")).key; */
  revealKey(id: string): Promise<RevealedKey> {
    return this.http.json(RevealedKeySchema, "GET", `/v1/admin/licenses/${enc(id)}/key`);
  }

  /** @example await api.deactivateDevice("dev_…", "customer's old PC died"); */
  deactivateDevice(id: string, reason: string): Promise<AdminDevice> {
    return this.http.json(DeviceSchema, "POST", `/v1/admin/devices/${enc(id)}/deactivate`, {
      body: { reason },
    });
  }

  /** @example (await api.createToken("ci", "readonly")).token; */
  createToken(name: string, role: Role): Promise<CreatedToken> {
    return this.http.json(CreatedTokenSchema, "POST", "/v1/admin/tokens", { body: { name, role } });
  }

  /** @example (await api.issueVolumeGrant({ licenseId, relayKey, customer, expiresAt })).grant; */
  issueVolumeGrant(body: VolumeGrantRequest): Promise<VolumeGrant> {
    return this.http.json(VolumeGrantSchema, "POST", "/v1/admin/volume-grants", { body });
  }

  /** @example (await api.importUsageReport(readFileSync("usage.json", "utf8"))).admitted; */
  importUsageReport(reportFile: string): Promise<UsageReport> {
    return this.http.json(UsageReportSchema, "POST", "/v1/admin/usage-reports", { body: { reportFile } });
  }

  /** @example (await api.listTokens()).tokens; */
  listTokens(): Promise<TokenList> {
    return this.http.json(TokenListSchema, "GET", "/v1/admin/tokens");
  }

  /** @example await api.revokeToken("tok_…", "laptop lost"); */
  revokeToken(id: string, reason?: string): Promise<AdminToken> {
    return this.http.json(TokenSchema, "DELETE", `/v1/admin/tokens/${enc(id)}`, { query: { reason } });
  }

  /**
   * Issue `count` licenses; the answer streams a CSV (`license_id,key,policy_id,created_at`), one line per key.
   * @example
   * const response = await api.keyBatch({ policyId: "pol_…", count: 1_000_000 });
   */
  keyBatch(body: KeyBatchRequest) {
    return this.http.stream("POST", "/v1/admin/key-batches", body);
  }
}
