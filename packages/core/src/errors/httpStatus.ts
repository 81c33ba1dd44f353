import type { ServerErrorCode } from "./codes.js";

/** An HTTP status a server code is answered with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500 | 503;

/**
 * HTTP status of each server code. Exhaustive: adding a server code without a status fails to compile. Device
 * codes (the SDK's and the `ninsho` command's) have none: they never travel in an HTTP answer.
 * @example
 * httpStatus("DEVICE_LIMIT_REACHED"); // 409
 */
export function httpStatus(code: ServerErrorCode): ErrorStatus {
  switch (code) {
    case "BODY_MALFORMED":
    case "VALIDATION_FAILED":
    case "KEY_MALFORMED":
    case "INSTALLATION_ID_MALFORMED":
    case "OFFLINE_FILE_INVALID":
    case "SEAT_REQUEST_INVALID":
    case "PASSWORD_TOO_WEAK":
    case "EXPIRY_IN_PAST":
    case "COMPONENT_KIND_UNKNOWN":
    case "WEIGHTS_UNREADABLE_IN_CONTAINER":
    case "POLICY_OF_OTHER_PRODUCT":
    case "PHONE_FEATURES_INVALID":
    case "DEVICE_CODE_PENDING":
    case "RELAY_GRANT_INVALID":
    case "USAGE_REPORT_INVALID":
    case "WEBHOOK_TARGET_PRIVATE":
      return 400;
    case "UNAUTHENTICATED":
    case "LEASE_INVALID":
    case "DEVICE_PROOF_REQUIRED":
    case "SIGN_IN_REQUIRED":
    case "INVALID_CREDENTIALS":
    case "SIGN_IN_EXPIRED":
    case "TOTP_CODE_INVALID":
    case "DEVICE_PROOF_INVALID":
    case "SIGNATURE_INVALID":
    case "TRANSFER_PROOF_REQUIRED":
      return 401;
    case "FORBIDDEN":
    case "EXTENSION_BEYOND_SUPPORT_LIMIT":
    case "SUPPORT_EXTENSION_TOO_SOON":
    case "LICENSE_SUSPENDED":
    case "LICENSE_REVOKED":
    case "LICENSE_EXPIRED":
    case "DEVICE_DEACTIVATED":
    case "TRANSFER_NOT_ALLOWED":
    case "BORROW_NOT_ALLOWED":
    case "CROSS_ORIGIN_REFUSED":
    case "EMAIL_NOT_VERIFIED":
    case "RELAY_GRANT_EXPIRED":
    case "RELAY_GRANT_NOT_YET_VALID":
    case "DEVICE_REPLACED":
    case "TRANSFER_CODE_INVALID":
    case "REACTIVATION_PROOF_REQUIRED":
    case "LICENSE_UPGRADED":
    case "SUBSCRIPTION_PAST_DUE":
      return 403;
    case "ROUTE_NOT_FOUND":
    case "KEY_NOT_FOUND":
    case "LICENSE_NOT_FOUND":
    case "DEVICE_NOT_FOUND":
    case "PRODUCT_NOT_FOUND":
    case "POLICY_NOT_FOUND":
    case "TOKEN_NOT_FOUND":
    case "INSTALLATION_ID_NOT_FOUND":
    case "USER_CODE_NOT_FOUND":
    case "SEAT_NOT_FOUND":
    case "WEBHOOK_NOT_FOUND":
    case "DELIVERY_NOT_FOUND":
    case "SUPPORT_REQUEST_NOT_FOUND":
      return 404;
    case "DEVICE_LIMIT_REACHED":
    case "DEVICE_FORKED":
    case "LEASE_SUPERSEDED":
    case "FINGERPRINT_MISMATCH":
    case "TRANSFER_LIMIT_REACHED":
    case "LICENSE_STATE_CONFLICT":
    case "LAST_ADMIN_TOKEN":
    case "POLICY_ARCHIVED":
    case "PRODUCT_ARCHIVED":
    case "NO_SEAT_AVAILABLE":
    case "SEAT_CHANNEL_REQUIRED":
    case "LICENSE_USES_SEATS":
    case "TOTP_STATE_CONFLICT":
    case "LICENSE_OWNED_ELSEWHERE":
    case "RELAY_GRANT_NOT_VOLUME":
    case "RELAY_GRANT_FULL":
    case "RELAY_CLOCK_ROLLBACK":
    case "RELAY_STATE_ROLLBACK":
    case "TRANSFER_ALLOWANCE_EXHAUSTED":
    case "OEM_BOARD_CHANGED":
    case "BUNDLE_COMPONENT_CHANGED":
    case "BOUND_COMPONENT_MISSING":
    case "BOUND_COMPONENT_NOT_BY_PHONE":
    case "WARRANTY_REPAIR_NOT_APPLICABLE":
    case "TRIAL_ALREADY_USED":
    case "UPGRADE_BASE_REQUIRED":
    case "UPGRADE_BASE_INVALID":
      return 409;
    case "OFFLINE_REQUEST_EXPIRED":
    case "SEAT_EXPIRED":
    case "LINK_EXPIRED":
    case "DEVICE_CODE_EXPIRED":
      return 410;
    case "BODY_TOO_LARGE":
      return 413;
    case "UNSUPPORTED_MEDIA_TYPE":
      return 415;
    case "RATE_LIMITED":
    case "ACCOUNT_LOCKED":
      return 429;
    case "INTERNAL_ERROR":
      return 500;
    case "SERVICE_UNAVAILABLE":
    case "SERVER_BUSY":
      return 503;
  }
}
