/**
 * How the error catalogue's test reaches each account code through HTTP (see error-catalogue.test.ts), kept
 * beside the account tests so the codes and the flows that produce them change together.
 */
import type { ErrorCode } from "@ninsho/core";
import { accountCall, signedIn, signIn, signUp, verifiedAccount } from "../support/accounts.js";
import type { Answer } from "../support/http.js";
import type { TestServer } from "../support/server.js";

type Producers = Partial<Record<ErrorCode, () => Promise<Answer>>>;

export function accountProducers(server: () => TestServer, headers: Record<string, string>): Producers {
  const opts = (cookie?: string) => ({ headers, ...(cookie === undefined ? {} : { cookie }) });
  return {
    SIGN_IN_REQUIRED: () => accountCall(server(), "GET", "/v1/me/licenses", undefined, opts()),
    CROSS_ORIGIN_REFUSED: () =>
      accountCall(
        server(),
        "POST",
        "/v1/me/licenses",
        { key: "x" },
        { ...opts("x"), origin: "https://evil.example" },
      ),
    INVALID_CREDENTIALS: () =>
      accountCall(
        server(),
        "POST",
        "/v1/sessions",
        { email: "nobody@example.jp", password: "wrong password" },
        opts(),
      ),
    ACCOUNT_LOCKED: async () => {
      const t = server();
      await verifiedAccount(t, "locked@example.jp");
      for (let i = 0; i < t.deps.accounts.signInLimits.perAccount; i++)
        await signIn(t, "locked@example.jp", "not the password");
      return accountCall(t, "POST", "/v1/sessions", { email: "locked@example.jp", password: "x" }, opts());
    },
    PASSWORD_TOO_WEAK: () =>
      accountCall(server(), "POST", "/v1/accounts", { email: "weak@example.jp", password: "short" }, opts()),
    LINK_EXPIRED: () =>
      accountCall(server(), "POST", "/v1/accounts/verify", { token: "x".repeat(43) }, opts()),
    SIGN_IN_EXPIRED: () =>
      accountCall(
        server(),
        "POST",
        "/v1/sessions/totp",
        { challenge: "x".repeat(43), code: "123456" },
        opts(),
      ),
    TOTP_CODE_INVALID: async () => {
      const t = server();
      const cookie = await signedIn(t, "totp-bad@example.jp");
      await accountCall(t, "POST", "/v1/me/totp", {}, opts(cookie));
      return accountCall(t, "POST", "/v1/me/totp/confirm", { code: "000000" }, opts(cookie));
    },
    TOTP_STATE_CONFLICT: async () => {
      const t = server();
      const cookie = await signedIn(t, "totp-none@example.jp");
      return accountCall(t, "POST", "/v1/me/totp/confirm", { code: "123456" }, opts(cookie));
    },
    EMAIL_NOT_VERIFIED: async () => {
      const t = server();
      await signUp(t, "unverified@example.jp");
      const cookie = /ninsho_session=([^;]*)/.exec(
        (await signIn(t, "unverified@example.jp")).headers.get("set-cookie") ?? "",
      )?.[1];
      return accountCall(t, "POST", "/v1/me/totp", {}, opts(cookie));
    },
    DEVICE_CODE_PENDING: async () => {
      const t = server();
      const c = await t.catalogue();
      const asked = await accountCall(t, "POST", "/v1/device-codes", { productId: c.productId }, opts());
      const deviceCode = (asked.body as { deviceCode?: string }).deviceCode ?? "";
      return accountCall(t, "POST", "/v1/device-codes/token", { deviceCode }, opts());
    },
    DEVICE_CODE_EXPIRED: () =>
      accountCall(server(), "POST", "/v1/device-codes/token", { deviceCode: "x".repeat(43) }, opts()),
    USER_CODE_NOT_FOUND: async () => {
      const t = server();
      const cookie = await signedIn(t, "device-code@example.jp");
      return accountCall(
        t,
        "POST",
        "/v1/me/device-codes/approve",
        { userCode: "BBBB-BBBB", licenseId: "lic_x" },
        opts(cookie),
      );
    },
    LICENSE_OWNED_ELSEWHERE: async () => {
      const t = server();
      const c = await t.catalogue();
      const [sold] = await t.issue(c.policyId, 1, "buyer@example.jp");
      const cookie = await signedIn(t, "holder@example.jp");
      return accountCall(t, "POST", "/v1/me/licenses", { key: sold?.key ?? "" }, opts(cookie));
    },
  };
}
