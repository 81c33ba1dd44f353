/**
 * The closed set of error codes. A code is a promise to clients: never rename or remove one, only add; a code
 * nothing answers any more is retired (`retiredErrorCodes`), not removed.
 * Each has an English and Japanese message and remedy (`catalogue`). Server codes travel in HTTP answers and
 * each has an HTTP status (`httpStatus`); device codes are what the SDK and the `ninsho` command report about
 * the machine's own situation (no server, a tampered file, a clock set back, a bad argument) and have none.
 */
export const serverErrorCodes = [
  "BODY_MALFORMED",
  "BODY_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "VALIDATION_FAILED",
  "ROUTE_NOT_FOUND",
  "KEY_MALFORMED",
  "KEY_NOT_FOUND",
  "LICENSE_NOT_FOUND",
  "LICENSE_SUSPENDED",
  "LICENSE_REVOKED",
  "LICENSE_EXPIRED",
  "LICENSE_STATE_CONFLICT",
  "DEVICE_LIMIT_REACHED",
  "DEVICE_NOT_FOUND",
  "DEVICE_DEACTIVATED",
  "DEVICE_FORKED",
  "LEASE_SUPERSEDED",
  "DEVICE_PROOF_REQUIRED",
  "FINGERPRINT_MISMATCH",
  "TRANSFER_NOT_ALLOWED",
  // Retired (see retiredErrorCodes): TRANSFER_ALLOWANCE_EXHAUSTED replaced it.
  "TRANSFER_LIMIT_REACHED",
  "LEASE_INVALID",
  "DEVICE_PROOF_INVALID",
  "PRODUCT_NOT_FOUND",
  "POLICY_NOT_FOUND",
  "TOKEN_NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "SERVER_BUSY",
  "INTERNAL_ERROR",
  "INSTALLATION_ID_MALFORMED",
  "INSTALLATION_ID_NOT_FOUND",
  "OFFLINE_REQUEST_EXPIRED",
  "OFFLINE_FILE_INVALID",
  "NO_SEAT_AVAILABLE",
  "SEAT_NOT_FOUND",
  "SEAT_EXPIRED",
  "SEAT_CHANNEL_REQUIRED",
  "SEAT_REQUEST_INVALID",
  "BORROW_NOT_ALLOWED",
  "LICENSE_USES_SEATS",
  "SIGN_IN_REQUIRED",
  "CROSS_ORIGIN_REFUSED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "PASSWORD_TOO_WEAK",
  "LINK_EXPIRED",
  "SIGN_IN_EXPIRED",
  "TOTP_CODE_INVALID",
  "TOTP_STATE_CONFLICT",
  "EMAIL_NOT_VERIFIED",
  "LICENSE_OWNED_ELSEWHERE",
  "DEVICE_CODE_PENDING",
  "DEVICE_CODE_EXPIRED",
  "USER_CODE_NOT_FOUND",
  "RELAY_GRANT_INVALID",
  "RELAY_GRANT_EXPIRED",
  "RELAY_GRANT_NOT_YET_VALID",
  "RELAY_GRANT_NOT_VOLUME",
  "RELAY_GRANT_FULL",
  "RELAY_CLOCK_ROLLBACK",
  "RELAY_STATE_ROLLBACK",
  "USAGE_REPORT_INVALID",
  // Admin changes, billing and webhooks (adminCatalogue.ts).
  "LAST_ADMIN_TOKEN",
  "EXPIRY_IN_PAST",
  "EXTENSION_BEYOND_SUPPORT_LIMIT",
  "SUPPORT_EXTENSION_TOO_SOON",
  "COMPONENT_KIND_UNKNOWN",
  "WEIGHTS_UNREADABLE_IN_CONTAINER",
  "POLICY_ARCHIVED",
  "PRODUCT_ARCHIVED",
  "POLICY_OF_OTHER_PRODUCT",
  "PHONE_FEATURES_INVALID",
  "WEBHOOK_NOT_FOUND",
  "WEBHOOK_TARGET_PRIVATE",
  "SUPPORT_REQUEST_NOT_FOUND",
  "DELIVERY_NOT_FOUND",
  "SIGNATURE_INVALID",
  "DEVICE_REPLACED",
  "TRANSFER_ALLOWANCE_EXHAUSTED",
  "TRANSFER_PROOF_REQUIRED",
  "TRANSFER_CODE_INVALID",
  "REACTIVATION_PROOF_REQUIRED",
  "OEM_BOARD_CHANGED",
  "BUNDLE_COMPONENT_CHANGED",
  "BOUND_COMPONENT_MISSING",
  "BOUND_COMPONENT_NOT_BY_PHONE",
  "WARRANTY_REPAIR_NOT_APPLICABLE",
  "TRIAL_ALREADY_USED",
  "UPGRADE_BASE_REQUIRED",
  "UPGRADE_BASE_INVALID",
  "LICENSE_UPGRADED",
  "SUBSCRIPTION_PAST_DUE",
] as const;

/**
 * The `ninsho` command's own device codes: problems in its arguments, its files and its test-only variables, the
 * doctor's findings about this machine that are no error of the SDK (warnings among them), the admin side's
 * problems around a request (no token, the --out file or stdout that cannot be written, a key stream that
 * broke, ended early or was interrupted), and a bug of the command itself (UNEXPECTED).
 * @example
 * deviceCliErrorCodes.includes("CLOCK_SKEW"); // true
 */
export const deviceCliErrorCodes = [
  "NO_PRODUCT",
  "NO_PRODUCT_SALT",
  "BAD_URL",
  "BAD_PUBLIC_KEY",
  "NO_TRUSTED_KEYS",
  "BAD_DEVICE_NOW",
  "BAD_FINGERPRINT_FILE",
  "TLS_FAILED",
  "NO_TLS",
  "KEYS_MISMATCH",
  "KEYS_ROTATED",
  "VENDOR_KEYS_OUTDATED",
  "CLOCK_SKEW",
  "LEASE_GRACE",
  "FINGERPRINT_DRIFT",
  "FINGERPRINT_DRIFT_UNEXPLAINED",
  "FINGERPRINT_UNREADABLE",
  "NO_TOKEN",
  "EXTEND_CHOICE",
  "OUTPUT_EXISTS",
  "OUTPUT_FAILED",
  "STDOUT_FAILED",
  "STREAM_BROKEN",
  "STREAM_SHORT",
  "INTERRUPTED",
  "UNEXPECTED",
  "WORKERS_NEED_POSTGRES",
  "DATABASE_IS_POSTGRES",
  "BACKUP_NOT_FOUND",
  "BACKUP_TARGET_EXISTS",
  "MASTER_KEY_MISSING",
  "BACKUP_KEY_MISMATCH",
  "USAGE_UNKNOWN_COMMAND",
  "USAGE_UNKNOWN_OPTION",
  "USAGE_MISSING_ARGUMENT",
  "USAGE_OPTION_VALUE_MISSING",
  "USAGE_REQUIRED_OPTION",
  "USAGE_INVALID_VALUE",
  "USAGE_EXCESS_ARGUMENTS",
  "USAGE_CONFLICTING_OPTIONS",
  "PORT_IN_USE",
  "TRUST_PROXY_INVALID",
  "CONFIRMATION_REQUIRED",
] as const;

/**
 * A code of the device CLI's own (see `deviceCliErrorCodes`).
 * @example
 * const code: DeviceCliErrorCode = "NO_PRODUCT";
 */
export type DeviceCliErrorCode = (typeof deviceCliErrorCodes)[number];

/**
 * The SDK's device codes: the app's own verdict on its lease and state, and what went wrong reaching the server.
 * @example
 * sdkErrorCodes.includes("SERVER_UNREACHABLE"); // true
 */
export const sdkErrorCodes = [
  "LEASE_EXPIRED",
  "KEY_NOT_INSTALLED",
  "NOT_ACTIVATED",
  "SERVER_UNREACHABLE",
  "SERVER_TIMEOUT",
  "SERVER_ERROR",
  "RESPONSE_INVALID",
  "RESPONSE_SIGNATURE_INVALID",
  "CLOCK_ROLLBACK",
  "STATE_CORRUPT",
  "STATE_TAMPERED",
  "STATE_UNCONFIRMED",
  "CONFIRMATION_ID_MALFORMED",
  "CONFIRMATION_INVALID",
  "LICENSE_FILE_INVALID",
  "PUBLIC_KEYS_MISSING",
  "OFFLINE_KEY_NOT_SHIPPED",
  "PRODUCT_SALT_MISSING",
] as const;

/** A code of the SDK's (see `sdkErrorCodes`). */
export type SdkErrorCode = (typeof sdkErrorCodes)[number];

/** Every code with no HTTP status: the SDK's and the `ninsho` command's. */
export const deviceErrorCodes = [...sdkErrorCodes, ...deviceCliErrorCodes] as const;

export const errorCodes = [...serverErrorCodes, ...deviceErrorCodes] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** A code that travels in HTTP answers (see `serverErrorCodes`). */
export type ServerErrorCode = (typeof serverErrorCodes)[number];

/** A code that never travels in an HTTP answer (see `deviceErrorCodes`). */
export type DeviceErrorCode = (typeof deviceErrorCodes)[number];

/**
 * Server codes no server answers any more, each with the code that replaced it. They stay in the catalogue
 * with their words and HTTP status (and so in the OpenAPI document and at /docs/errors, marked retired): a
 * client built when they were answered (SDK 0.1.0, a vendor's script) may still switch on one, and a server of
 * that time may still answer one to a newer client, which must still word it. `fail` takes no retired code,
 * so nothing new can answer one.
 * @example
 * retiredErrorCodes.TRANSFER_LIMIT_REACHED; // "TRANSFER_ALLOWANCE_EXHAUSTED"
 */
export const retiredErrorCodes = {
  TRANSFER_LIMIT_REACHED: "TRANSFER_ALLOWANCE_EXHAUSTED",
} as const satisfies Partial<Record<ServerErrorCode, ServerErrorCode>>;

/** A server code no server answers any more (see `retiredErrorCodes`). */
export type RetiredErrorCode = keyof typeof retiredErrorCodes;

/** A code something may still answer or report: every code but the retired ones. */
export type LiveErrorCode = Exclude<ErrorCode, RetiredErrorCode>;

/**
 * Whether a code is retired: kept for the clients that know it, answered by nothing.
 * @example
 * isRetiredErrorCode("TRANSFER_LIMIT_REACHED"); // true
 * isRetiredErrorCode("TRANSFER_ALLOWANCE_EXHAUSTED"); // false
 */
export const isRetiredErrorCode = (code: string): code is RetiredErrorCode =>
  Object.keys(retiredErrorCodes).includes(code);

export const isErrorCode = (value: string): value is ErrorCode =>
  (errorCodes as readonly string[]).includes(value);

/**
 * Whether a code travels in HTTP answers (and so has an HTTP status).
 * @example
 * isServerErrorCode("KEY_NOT_FOUND"); // true
 * isServerErrorCode("NO_TOKEN"); // false
 */
export const isServerErrorCode = (code: string): code is ServerErrorCode =>
  (serverErrorCodes as readonly string[]).includes(code);
