import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Paths that may hold a product key, a lease or a token anywhere in a logged object: pino replaces them
 * before a line is written, so a secret never reaches a log even when a whole request is logged by mistake.
 */
export const redactedPaths = [
  "key",
  "*.key",
  "lease",
  "*.lease",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "masterKey",
  "*.masterKey",
];

/** The server's logger: JSON lines on stderr (or `destination`), secrets redacted. */
export const createLogger = (
  level: string = process.env.NINSHO_LOG_LEVEL ?? "info",
  destination: DestinationStream = pino.destination(2),
): Logger => pino({ level, redact: { paths: redactedPaths, censor: "[redacted]" } }, destination);
