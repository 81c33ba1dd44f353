import { createPublicKey, KeyObject } from "node:crypto";
import { publicKeyFromJwk } from "@ninsho/core";

/**
 * A public key as a vendor ships it: a JWK from the server's `/.well-known/jwks.json` (its `kid` lets the SDK
 * pick the key at once), a `KeyObject`, or a PEM string.
 *
 * @example
 * const key: PublicKeyInput = { kty: "OKP", crv: "Ed25519", x: "6oUVIN_nT3ajar30DVYToZ4phOlf-aKSeVWoAq0q3YE", kid: "sk_01M7…" };
 */
export type PublicKeyInput =
  | KeyObject
  | string
  | {
      readonly kty: string;
      readonly crv?: string;
      readonly x?: string;
      readonly kid?: string;
      /** The product the key signs for, as the server's JWKS names it. */
      readonly prd?: string;
    };

/**
 * The product's public keys: one key, a list, or a whole JWKS document as the server publishes it.
 *
 * @example
 * const jwks = await (await fetch("https://activation.example.com/.well-known/jwks.json")).json();
 * const client = createClient({ ...options, publicKeys: jwks });
 */
export type PublicKeysInput =
  | PublicKeyInput
  | readonly PublicKeyInput[]
  | { readonly keys: readonly PublicKeyInput[] };

const toKeyObject = (input: PublicKeyInput): KeyObject => {
  if (input instanceof KeyObject) return input;
  if (typeof input === "string") return createPublicKey(input);
  if (input.kty !== "OKP" || input.crv !== "Ed25519" || typeof input.x !== "string") {
    throw new TypeError(`public key ${input.kid ?? ""} is not an Ed25519 JWK (kty OKP, crv Ed25519)`.trim());
  }
  return publicKeyFromJwk({ kty: "OKP", crv: "Ed25519", x: input.x });
};

const productOf = (input: PublicKeyInput): string | undefined =>
  typeof input === "object" && !(input instanceof KeyObject) ? input.prd : undefined;

const isKeyList = (input: PublicKeysInput): input is readonly PublicKeyInput[] => Array.isArray(input);

const hasKeys = (input: PublicKeysInput): input is { readonly keys: readonly PublicKeyInput[] } =>
  typeof input === "object" && !(input instanceof KeyObject) && !isKeyList(input) && "keys" in input;

/**
 * The keys that verify leases and answers, parsed once: parsing a key per verification would cost more than
 * the verification. Keys with a `kid` are found by it; keys without one are tried in turn. No input at all
 * (`undefined`) is an empty set (`empty`): a client that only installs a key or shows its status needs none.
 * Given the client's product, a key the JWKS names as another product's (`prd`) is left out: one server
 * publishes every product's keys in one JWKS, and another product's key must not sign this product's leases.
 *
 * @example
 * const keys = new KeySet(await (await fetch(`${url}/.well-known/jwks.json`)).json(), "prd_01M7Y06QAFRMGX66H6FV39GP2Y");
 * keys.candidates("sk_01M7Y06QAFRMGX66H6FV39GP2Z"); // [KeyObject]
 */
export class KeySet {
  private readonly byKid = new Map<string, KeyObject>();
  private readonly anonymous: KeyObject[] = [];
  /** No key was given: nothing can be verified (operations that need it report PUBLIC_KEYS_MISSING). */
  readonly empty: boolean;

  constructor(input: PublicKeysInput | undefined, productId?: string) {
    this.empty = input === undefined;
    if (input === undefined) return;
    const list = hasKeys(input) ? input.keys : isKeyList(input) ? input : [input];
    for (const entry of list) {
      if (productId !== undefined && productOf(entry) !== undefined && productOf(entry) !== productId)
        continue;
      const key = toKeyObject(entry);
      if (key.type !== "public" || key.asymmetricKeyType !== "ed25519") {
        throw new TypeError("Ninsho signs with Ed25519: every public key must be an Ed25519 public key");
      }
      const kid = typeof entry === "object" && !(entry instanceof KeyObject) ? entry.kid : undefined;
      if (kid === undefined) this.anonymous.push(key);
      else this.byKid.set(kid, key);
    }
    if (this.byKid.size === 0 && this.anonymous.length === 0) {
      const which = list.length === 0 ? "is empty" : `holds no key of product ${productId ?? ""}`;
      throw new TypeError(`publicKeys ${which}: the SDK cannot verify anything without the product's key`);
    }
  }

  /** Keys that may have signed under `kid`: the named key, else every key shipped without a kid. */
  candidates(kid: string): readonly KeyObject[] {
    const named = this.byKid.get(kid);
    return named ? [named] : this.anonymous;
  }
}
