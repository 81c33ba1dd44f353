import type { OpenAPIHono } from "@hono/zod-openapi";
import { SESSION_COOKIE } from "../../accounts/session.js";
import type { ServerDeps } from "../../deps.js";
import type { AppEnv } from "../../http/env.js";
import { registerDeviceCodeApprove } from "./deviceCodeApprove.js";
import { registerDeviceCodeRequest } from "./deviceCodeRequest.js";
import { registerDeviceCodeToken } from "./deviceCodeToken.js";
import { registerLinkLicense } from "./linkLicense.js";
import { registerMe } from "./me.js";
import { registerMyDevices } from "./myDevices.js";
import { registerMyLicense } from "./myLicense.js";
import { registerMyLicenseRefusals } from "./myLicenseRefusals.js";
import { registerMyLicenses } from "./myLicenses.js";
import { registerMyLicenseTimeline } from "./myLicenseTimeline.js";
import { registerResendVerification } from "./resendVerification.js";
import { registerResetConfirm } from "./resetConfirm.js";
import { registerResetRequest } from "./resetRequest.js";
import { registerSignIn } from "./signIn.js";
import { registerSignInTotp } from "./signInTotp.js";
import { registerSignOut } from "./signOut.js";
import { registerSignUp } from "./signUp.js";
import { registerTotpConfirm } from "./totpConfirm.js";
import { registerTotpDisable } from "./totpDisable.js";
import { registerTotpSetup } from "./totpSetup.js";
import { registerVerifyEmail } from "./verifyEmail.js";

/** End-user account routes: sign-up, sign-in, verification, reset, two-step sign-in, and the account's licenses. */
export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, deps: ServerDeps): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The session cookie set by POST /v1/sessions (HttpOnly, SameSite=Lax, Secure over TLS)",
  });
  registerSignUp(app, deps);
  registerVerifyEmail(app, deps);
  registerResetRequest(app, deps);
  registerResetConfirm(app, deps);
  registerSignIn(app, deps);
  registerSignInTotp(app, deps);
  registerSignOut(app, deps);
  registerMe(app, deps);
  registerResendVerification(app, deps);
  registerTotpSetup(app, deps);
  registerTotpConfirm(app, deps);
  registerTotpDisable(app, deps);
  registerMyLicenses(app, deps);
  registerMyLicense(app, deps);
  registerMyLicenseTimeline(app, deps);
  registerMyLicenseRefusals(app, deps);
  registerMyDevices(app, deps);
  registerLinkLicense(app, deps);
  registerDeviceCodeRequest(app, deps);
  registerDeviceCodeApprove(app, deps);
  registerDeviceCodeToken(app, deps);
}
