/**
 * The closed set of error codes. A code is a promise to clients: never rename one, only add.
 * Each has an HTTP status (`httpStatus`) and an English and Japanese message and remedy (`catalogue`).
 * Server codes travel in HTTP answers; device codes are what the SDK and the device CLI report about the
 * machine's own situation (no server, a tampered file, a clock set back).
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
  "FINGERPRINT_MISMATCH",
  "TRANSFER_NOT_ALLOWED",
  "TRANSFER_LIMIT_REACHED",
  "LEASE_INVALID",
  "PRODUCT_NOT_FOUND",
  "POLICY_NOT_FOUND",
  "TOKEN_NOT_FOUND",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL_ERROR",
  "INSTALLATION_ID_MALFORMED",
  "INSTALLATION_ID_NOT_FOUND",
  "OFFLINE_REQUEST_EXPIRED",
  "OFFLINE_FILE_INVALID",
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
] as const;

/**
 * A code of the device CLI's own (see `deviceCliErrorCodes`).
 * @example
 * const code: DeviceCliErrorCode = "NO_PRODUCT";
 */
export type DeviceCliErrorCode = (typeof deviceCliErrorCodes)[number];

export const deviceErrorCodes = [
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
  "CONFIRMATION_ID_MALFORMED",
  "CONFIRMATION_INVALID",
  "LICENSE_FILE_INVALID",
  "PUBLIC_KEYS_MISSING",
  ...deviceCliErrorCodes,
] as const;

export const errorCodes = [...serverErrorCodes, ...deviceErrorCodes] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const isErrorCode = (value: string): value is ErrorCode =>
  (errorCodes as readonly string[]).includes(value);

/** HTTP status of each code. Exhaustive: adding a code without a status fails to compile. */
export function httpStatus(
  code: ErrorCode,
): 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 429 | 500 | 502 | 503 | 504 {
  switch (code) {
    case "BODY_MALFORMED":
    case "VALIDATION_FAILED":
    case "KEY_MALFORMED":
    case "INSTALLATION_ID_MALFORMED":
    case "OFFLINE_FILE_INVALID":
      return 400;
    case "UNAUTHENTICATED":
    case "LEASE_INVALID":
    case "LEASE_EXPIRED":
      return 401;
    case "FORBIDDEN":
    case "LICENSE_SUSPENDED":
    case "LICENSE_REVOKED":
    case "LICENSE_EXPIRED":
    case "DEVICE_DEACTIVATED":
    case "TRANSFER_NOT_ALLOWED":
      return 403;
    case "ROUTE_NOT_FOUND":
    case "KEY_NOT_FOUND":
    case "LICENSE_NOT_FOUND":
    case "DEVICE_NOT_FOUND":
    case "PRODUCT_NOT_FOUND":
    case "POLICY_NOT_FOUND":
    case "TOKEN_NOT_FOUND":
    case "INSTALLATION_ID_NOT_FOUND":
      return 404;
    case "DEVICE_LIMIT_REACHED":
    case "DEVICE_FORKED":
    case "FINGERPRINT_MISMATCH":
    case "TRANSFER_LIMIT_REACHED":
    case "LICENSE_STATE_CONFLICT":
      return 409;
    case "OFFLINE_REQUEST_EXPIRED":
      return 410;
    case "BODY_TOO_LARGE":
      return 413;
    case "UNSUPPORTED_MEDIA_TYPE":
      return 415;
    case "RATE_LIMITED":
      return 429;
    case "INTERNAL_ERROR":
      return 500;
    case "SERVICE_UNAVAILABLE":
      return 503;
    // Device codes never travel in an HTTP answer; their statuses say which HTTP failure each stands for.
    case "KEY_NOT_INSTALLED":
    case "NOT_ACTIVATED":
    case "PUBLIC_KEYS_MISSING":
    case "CLOCK_ROLLBACK":
    case "STATE_CORRUPT":
    case "STATE_TAMPERED":
      return 412;
    case "SERVER_ERROR":
    case "RESPONSE_INVALID":
    case "RESPONSE_SIGNATURE_INVALID":
      return 502;
    case "SERVER_UNREACHABLE":
      return 503;
    case "SERVER_TIMEOUT":
      return 504;
    case "CONFIRMATION_ID_MALFORMED":
      return 400;
    case "CONFIRMATION_INVALID":
    case "LICENSE_FILE_INVALID":
      return 403;
    // The CLI's: bad arguments are 400 (an --out file that exists, and keys generation stopped by its user, among
    // them), this machine's own conditions 412 (a file or stdout that cannot be written among them; a lease on
    // grace 401, like LEASE_EXPIRED; fingerprint drift 409, like FINGERPRINT_MISMATCH), a server that cannot be
    // trusted or ends a key stream early 502 (like RESPONSE_INVALID), a stream that broke 503 (like
    // SERVER_UNREACHABLE), and a bug of the CLI 500.
    case "NO_PRODUCT":
    case "BAD_URL":
    case "BAD_PUBLIC_KEY":
    case "BAD_DEVICE_NOW":
    case "BAD_FINGERPRINT_FILE":
    case "NO_TOKEN":
    case "EXTEND_CHOICE":
    case "OUTPUT_EXISTS":
    case "INTERRUPTED":
    case "WORKERS_NEED_POSTGRES":
    case "DATABASE_IS_POSTGRES":
    case "BACKUP_NOT_FOUND":
    case "BACKUP_TARGET_EXISTS":
    case "MASTER_KEY_MISSING":
      return 400;
    case "LEASE_GRACE":
      return 401;
    case "FINGERPRINT_DRIFT":
    case "FINGERPRINT_DRIFT_UNEXPLAINED":
      return 409;
    case "NO_TRUSTED_KEYS":
    case "NO_TLS":
    case "CLOCK_SKEW":
    case "FINGERPRINT_UNREADABLE":
    case "OUTPUT_FAILED":
    case "STDOUT_FAILED":
      return 412;
    case "TLS_FAILED":
    case "KEYS_MISMATCH":
    case "KEYS_ROTATED":
    case "VENDOR_KEYS_OUTDATED":
    case "STREAM_SHORT":
      return 502;
    case "STREAM_BROKEN":
      return 503;
    case "UNEXPECTED":
      return 500;
  }
}
