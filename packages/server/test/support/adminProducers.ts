/**
 * How the error catalogue's test reaches each admin-change, billing and webhook code through HTTP (see
 * error-catalogue.happy.test.ts), kept beside those tests so codes and flows change together.
 */
import type { ErrorCode } from "@ninsho/core";
import { billingSecretOf, signedBilling } from "./billing.js";
import { type Answer, call } from "./http.js";
import type { TestServer } from "./server.js";

type Producers = Partial<Record<ErrorCode, () => Promise<Answer>>>;

const MISSING = "x_01JNOTHEREXXXXXXXXXXXXXXXX";

export function adminProducers(server: () => TestServer, headers: Record<string, string>): Producers {
  const as = (t: TestServer, method: string, path: string, body?: unknown) =>
    call(t.app, method, path, body, { token: t.admin, headers });
  return {
    LAST_ADMIN_TOKEN: async () => {
      const t = server();
      const whoami = await t.adminGet("/v1/admin/whoami");
      const others = (await t.store.tokens.list()).filter(
        (token) =>
          token.role === "admin" && token.revokedAt === undefined && token.id !== whoami.body.tokenId,
      );
      for (const other of others) await t.store.tokens.revoke(other.id, t.clock.now().toISOString());
      return as(t, "DELETE", `/v1/admin/tokens/${String(whoami.body.tokenId)}`);
    },
    EXPIRY_IN_PAST: async () => {
      const c = await server().catalogue();
      return as(server(), "POST", `/v1/admin/licenses/${c.licenseId}/extend`, {
        expiresAt: "2020-01-01T00:00:00Z",
        reason: "typo in the year",
      });
    },
    // Support's goodwill extension: a perpetual license has no expiry to extend; a second one within 30 days.
    EXTENSION_BEYOND_SUPPORT_LIMIT: async () => {
      const t = server();
      const c = await t.catalogue();
      const support = await t.token("support");
      const body = { expiresAt: "2099-01-01T00:00:00Z", reason: "goodwill" };
      return call(t.app, "POST", `/v1/admin/licenses/${c.licenseId}/extend`, body, {
        token: support.token,
        headers,
      });
    },
    SUPPORT_EXTENSION_TOO_SOON: async () => {
      const t = server();
      const c = await t.catalogue();
      await as(t, "POST", `/v1/admin/licenses/${c.licenseId}/extend`, {
        expiresAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
        reason: "renewal",
      });
      const support = await t.token("support");
      const extend = (days: number) =>
        call(
          t.app,
          "POST",
          `/v1/admin/licenses/${c.licenseId}/extend`,
          {
            expiresAt: new Date(t.clock.now().getTime() + days * 86_400_000).toISOString(),
            reason: "goodwill",
          },
          { token: support.token, headers },
        );
      await extend(2);
      return extend(3);
    },
    COMPONENT_KIND_UNKNOWN: async () => {
      const productId = await server().product();
      const body = { productId, name: "typo", channel: "retail", componentWeights: { boards: 10 } };
      return as(server(), "POST", "/v1/admin/policies", body);
    },
    WEIGHTS_UNREADABLE_IN_CONTAINER: async () => {
      const productId = await server().product();
      const body = { productId, name: "pods", channel: "workload", seats: 5, componentWeights: { board: 1 } };
      return as(server(), "POST", "/v1/admin/policies", body);
    },
    POLICY_ARCHIVED: async () => {
      const c = await server().catalogue();
      await as(server(), "POST", `/v1/admin/policies/${c.policyId}/archive`, { reason: "old plan" });
      return as(server(), "POST", "/v1/admin/licenses", { policyId: c.policyId, count: 1 });
    },
    PRODUCT_ARCHIVED: async () => {
      const productId = await server().product();
      await as(server(), "POST", `/v1/admin/products/${productId}/archive`, { reason: "discontinued" });
      return as(server(), "POST", "/v1/admin/policies", { productId, name: "late", channel: "retail" });
    },
    PHONE_FEATURES_INVALID: async () => {
      const body = { name: "twice", phoneFeatures: ["export", "export"] };
      return as(server(), "POST", "/v1/admin/products", body);
    },
    POLICY_OF_OTHER_PRODUCT: async () => {
      const one = await server().catalogue();
      const other = await server().catalogue();
      return as(server(), "POST", `/v1/admin/licenses/${one.licenseId}/policy`, {
        policyId: other.policyId,
        reason: "wrong product",
      });
    },
    WEBHOOK_NOT_FOUND: () => as(server(), "GET", `/v1/admin/webhooks/${MISSING}/deliveries`),
    WEBHOOK_TARGET_PRIVATE: () =>
      as(server(), "POST", "/v1/admin/webhooks", { url: "http://169.254.169.254/latest/meta-data/" }),
    SUPPORT_REQUEST_NOT_FOUND: () =>
      as(server(), "POST", `/v1/admin/support-requests/${MISSING}/resolve`, { reason: "done" }),
    DELIVERY_NOT_FOUND: () => as(server(), "POST", `/v1/admin/deliveries/${MISSING}/replay`, { reason: "x" }),
    SIGNATURE_INVALID: async () => {
      const t = server();
      await billingSecretOf(t, "generic");
      const body = { id: "evt_forged", type: "charge.refunded", licenseId: MISSING };
      return signedBilling(t, "/v1/billing/events", body, "whsec_not_the_secret", { headers });
    },
  };
}
