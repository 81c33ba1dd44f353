import { createHash, randomBytes } from "node:crypto";
import type { WeierstrassPoint } from "@noble/curves/abstract/weierstrass.js";
import { bn254 } from "@noble/curves/bn254.js";
import { fromBase64Url, isBase64Url, toBase64Url } from "../signing/base64url.js";
import { fromBytes, toBytes } from "./bits.js";

/**
 * BLS short signatures on BN254 (alt_bn128, the EIP-196/197 curve): signatures in G1 (a point whose x is one
 * 254-bit field element), public keys in G2. About 100-bit security since the 2016–17 tower-NFS results.
 * `@noble/curves` gives the group arithmetic and the pairing; BN254 has no standard hash-to-curve there, so
 * messages are hashed by try-and-increment (`hashToG1`).
 */
const { G1, G2, fields, pairing, shortSignatures } = bn254;
const { Fp, Fp12 } = fields;

/** The base field's prime p (≈ 2^253.6): a signature's x-coordinate is below it. */
export const BN254_P: bigint = Fp.ORDER;

export type G1Point = WeierstrassPoint<bigint>;
type Fp2 = { readonly c0: bigint; readonly c1: bigint };
export type G2Point = WeierstrassPoint<Fp2>;

/** Domain separation tag of the hash: no other use of SHA-512 under another tag yields the same points. */
export const HASH_TO_G1_DST = "NINSHO-OFFLINE-CONFIRMATION-V1_BN254G1_TAI_SHA512_";
const DST = Buffer.from(HASH_TO_G1_DST, "ascii");

/** y with y² = x³ + 3, or `undefined` when x is not the abscissa of a curve point. */
function curveY(x: bigint): bigint | undefined {
  const rhs = Fp.add(Fp.mul(Fp.sqr(x), x), 3n);
  let y: bigint;
  try {
    y = Fp.sqrt(rhs);
  } catch {
    return undefined;
  }
  return Fp.eql(Fp.sqr(y), rhs) ? y : undefined;
}

/**
 * Hash a message to a point of G1, try-and-increment (the original BLS MapToGroup): for counter 0, 1, …,
 * h = SHA-512(len(DST) ‖ DST ‖ counter ‖ message); x = the first 48 bytes of h mod p; if x³ + 3 is a square,
 * take the root whose parity is h's last bit. G1 is the whole curve (cofactor 1), so that point is in G1. Each
 * try succeeds with probability ½; 256 failures in a row (probability 2^-256) throw. The loop's length depends
 * on the message only, which is public.
 * @example
 * hashToG1(new TextEncoder().encode("message"));
 */
export function hashToG1(message: Uint8Array): G1Point {
  for (let counter = 0; counter < 256; counter++) {
    const h = createHash("sha512")
      .update(Uint8Array.of(DST.length))
      .update(DST)
      .update(Uint8Array.of(counter))
      .update(message)
      .digest();
    const x = fromBytes(h.subarray(0, 48)) % BN254_P;
    const y = curveY(x);
    if (y === undefined) continue;
    const parity = BigInt((h[63] ?? 0) & 1);
    return G1.Point.fromAffine({ x, y: (y & 1n) === parity ? y : Fp.neg(y) });
  }
  throw new Error("hashToG1: no point after 256 tries");
}

/**
 * Sign a message with a secret scalar (hex); the signature is returned as its x-coordinate alone.
 * @example
 * const x = blsSignX(secretHex, message);
 */
export function blsSignX(secretKeyHex: string, message: Uint8Array): bigint {
  return shortSignatures.sign(hashToG1(message), secretKeyHex).toAffine().x;
}

/**
 * Verify a signature given by its x-coordinate. Either point with that x is accepted (the encoding drops y's
 * sign), which costs a forger at most one bit: with A = e(σ, G2) and B = e(H(m), pk), σ is valid when A = B and
 * −σ when A·B = 1, so both are checked with two pairings. Never throws on bad input.
 * @example
 * blsVerifyX(publicKey, message, x); // true or false
 */
export function blsVerifyX(publicKey: G2Point, message: Uint8Array, x: bigint): boolean {
  if (x < 0n || x >= BN254_P) return false;
  const y = curveY(x);
  if (y === undefined) return false;
  try {
    const signature = G1.Point.fromAffine({ x, y });
    signature.assertValidity();
    publicKey.assertValidity();
    if (publicKey.is0()) return false;
    const a = pairing(signature, G2.Point.BASE);
    const b = pairing(hashToG1(message), publicKey);
    return Fp12.eql(a, b) || Fp12.eql(Fp12.mul(a, b), Fp12.ONE);
  } catch {
    return false;
  }
}

/** A product's offline key pair: the secret scalar in hex (to be sealed), the public G2 point as text. */
export interface OfflineKeyPair {
  readonly secretKey: string;
  readonly publicKey: string;
}

/**
 * A new BLS key pair for confirmation IDs.
 * @example
 * const { secretKey, publicKey } = generateOfflineKeyPair();
 */
export function generateOfflineKeyPair(): OfflineKeyPair {
  const order = fields.Fr.ORDER;
  for (;;) {
    const scalar = fromBytes(randomBytes(48)) % order;
    if (scalar === 0n) continue;
    const secretKey = scalar.toString(16).padStart(64, "0");
    return { secretKey, publicKey: encodeOfflinePublicKey(shortSignatures.getPublicKey(secretKey)) };
  }
}

/**
 * A G2 public key as base64url of 128 bytes: x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0, 32 bytes each, big-endian — the
 * uncompressed order of EIP-197, so Ethereum tooling reads the same bytes.
 * @example
 * encodeOfflinePublicKey(point); // "Bq3…" (171 characters)
 */
export function encodeOfflinePublicKey(point: G2Point): string {
  const { x, y } = point.toAffine();
  const parts = [x.c1, x.c0, y.c1, y.c0].map((v) => toBytes(v, 32));
  return toBase64Url(Buffer.concat(parts));
}

/**
 * Parse a published offline public key; `undefined` unless it is a canonical encoding of a point of G2 other
 * than the identity (on the curve, in the prime-order subgroup).
 * @example
 * const publicKey = decodeOfflinePublicKey(published.publicKey);
 */
export function decodeOfflinePublicKey(text: string): G2Point | undefined {
  if (!isBase64Url(text)) return undefined;
  const bytes = fromBase64Url(text);
  if (bytes.length !== 128) return undefined;
  const [xc1, xc0, yc1, yc0] = [0, 1, 2, 3].map((i) => fromBytes(bytes.subarray(i * 32, (i + 1) * 32)));
  if ([xc1, xc0, yc1, yc0].some((v) => v === undefined || v >= BN254_P)) return undefined;
  try {
    const point = G2.Point.fromAffine({
      x: { c0: xc0 ?? 0n, c1: xc1 ?? 0n },
      y: { c0: yc0 ?? 0n, c1: yc1 ?? 0n },
    });
    point.assertValidity();
    return point.is0() ? undefined : point;
  } catch {
    return undefined;
  }
}

/**
 * The public key of a secret scalar (hex), encoded.
 * @example
 * offlinePublicKeyOf(secretKey) === publicKey; // true for a pair from generateOfflineKeyPair
 */
export const offlinePublicKeyOf = (secretKeyHex: string): string =>
  encodeOfflinePublicKey(shortSignatures.getPublicKey(secretKeyHex));
