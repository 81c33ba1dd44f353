import type { KeyObject } from "node:crypto";
import { type PublicKeys, publicKeyFromJwk } from "@ninsho/core";
import type { SeatPublicKeys } from "./types.js";

/**
 * The product's keys by kid, parsed once.
 * @example
 * const keys = seatKeys(await (await fetch(`${url}/.well-known/jwks.json`)).json());
 */
export function seatKeys(input: SeatPublicKeys): PublicKeys {
  if (input instanceof Map) return input;
  const map = new Map<string, KeyObject>();
  for (const jwk of (input as { keys: readonly { kid: string; x: string }[] }).keys)
    map.set(jwk.kid, publicKeyFromJwk({ kty: "OKP", crv: "Ed25519", x: jwk.x }));
  if (map.size === 0)
    throw new TypeError("publicKeys is empty: seats cannot be verified without the product's key");
  return map;
}
