import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Field names that hold a product key, a lease, a token, the master key or a device secret (in clear as a
 * registration sends it, or sealed as a device record holds it) wherever they appear.
 */
const secretFields = [
  "key",
  "lease",
  "token",
  "authorization",
  "masterKey",
  "deviceSecret",
  "device_secret",
] as const;

/** How deep in a logged object a secret field is still found (a request's `req.headers.authorization` is 3). */
const REDACT_DEPTH = 6;

/**
 * Paths that may hold a secret anywhere in a logged object, down to `REDACT_DEPTH` levels (`key`, `*.key`,
 * `*.*.key`, …): pino replaces them before a line is written, so a secret never reaches a log even when a
 * whole request is logged by mistake.
 */
export const redactedPaths = secretFields.flatMap((field) =>
  Array.from({ length: REDACT_DEPTH }, (_, depth) => [...Array<string>(depth).fill("*"), field].join(".")),
);

/** The server's logger: JSON lines on stderr (or `destination`), secrets redacted. */
export const createLogger = (
  level: string = process.env.NINSHO_LOG_LEVEL ?? "info",
  destination: DestinationStream = pino.destination(2),
): Logger => pino({ level, redact: { paths: redactedPaths, censor: "[redacted]" } }, destination);
