import { createHash, randomBytes } from "node:crypto";
import type { Seat } from "@ninsho/core";
import { sameBytes } from "@ninsho/core";

/**
 * A seat's secret, made at check-out and shown once: 256 random bits, so it cannot be guessed, and kept only
 * as its SHA-256 so the database cannot renew or return anyone's seat.
 */
export const newSeatSecret = (): string => randomBytes(32).toString("base64url");

export const seatSecretDigest = (secret: string): string =>
  createHash("sha256").update(secret, "utf8").digest("hex");

/**
 * Whether `secret` is the seat's own (compared in constant time).
 * @example
 * if (!holdsSeat(seat, bearer)) return fail("SEAT_NOT_FOUND", { seatId });
 */
export function holdsSeat(seat: Seat, secret: string | undefined): boolean {
  if (secret === undefined) return false;
  return sameBytes(Buffer.from(seatSecretDigest(secret), "hex"), Buffer.from(seat.secretDigest, "hex"));
}

/** The secret of an `Authorization: Bearer <secret>` header, if there is one. */
export const bearerSecret = (header: string | undefined): string | undefined => {
  const found = /^Bearer\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header ?? "");
  return found?.[1];
};
