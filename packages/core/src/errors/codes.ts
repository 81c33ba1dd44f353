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
  }
}
