import { createHash, type KeyObject, sign, verify } from "node:crypto";
import { canonicalJson } from "../canonicalJson.js";
import { fromBase64Url, isBase64Url, toBase64Url } from "./base64url.js";
import type { PublicKeys, SigningKey } from "./jws.js";

/**
 * Signed answers. Every validation answer is signed so that a fake local server cannot say "valid" and,
 * with the client's nonce inside, an old answer cannot be replayed.
 *
 * One Ed25519 signature costs more than the rest of a validation, so a server signs a *batch*: each answer's
 * canonical JSON (RFC 8785) is a leaf of a Merkle tree, the root is signed once, and each answer carries the
 * path from its leaf to the root. A batch of one is a plain signature over its own leaf. What the signature
 * proves does not change with the batch size: this exact answer was issued by the holder of the key.
 */

/** Domain separation: a root signature can never be mistaken for a lease or any other signed object. */
const ROOT_CONTEXT = Buffer.from("ninsho.response.v1\n");

export interface ResponseSignature {
  readonly alg: "EdDSA";
  /** Id of the product key that signed, as published in the JWKS. */
  readonly kid: string;
  /** Sibling hashes from the leaf to the root, each `l.` or `r.` (the side the sibling is on) + base64url. */
  readonly proof: string[];
  /** Ed25519 signature over the Merkle root, base64url. */
  readonly sig: string;
}

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The leaf hash of an answer body (everything but its `signature`). */
export function responseLeaf(body: object): Buffer {
  const text = canonicalJson(body);
  if (text === undefined) throw new TypeError("response body cannot be canonicalized");
  return sha256(LEAF, Buffer.from(text, "utf8"));
}

/** Root of a Merkle tree over `leaves`, and each leaf's proof. An odd node is carried up a level unchanged. */
export function merkleTree(leaves: readonly Buffer[]): { root: Buffer; proofs: string[][] } {
  if (leaves.length === 0) throw new RangeError("a Merkle tree needs at least one leaf");
  const proofs = leaves.map(() => [] as string[]);
  let level = leaves.map((hash, i) => ({ hash, members: [i] }));
  while (level.length > 1) {
    const next: typeof level = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i];
      const right = level[i + 1];
      if (!left) break;
      if (!right) {
        next.push(left);
        continue;
      }
      for (const m of left.members) proofs[m]?.push(`r.${toBase64Url(right.hash)}`);
      for (const m of right.members) proofs[m]?.push(`l.${toBase64Url(left.hash)}`);
      next.push({ hash: sha256(NODE, left.hash, right.hash), members: [...left.members, ...right.members] });
    }
    level = next;
  }
  const root = level[0]?.hash;
  if (!root) throw new Error("unreachable: a non-empty tree has a root");
  return { root, proofs };
}

/** The root a leaf and its proof lead to, or `undefined` when the proof is malformed. */
export function rootFromProof(leaf: Buffer, proof: readonly string[]): Buffer | undefined {
  let hash = leaf;
  for (const step of proof) {
    const side = step.slice(0, 2);
    const sibling64 = step.slice(2);
    if (!isBase64Url(sibling64)) return undefined;
    const sibling = fromBase64Url(sibling64);
    if (sibling.length !== 32) return undefined;
    if (side === "l.") hash = sha256(NODE, sibling, hash);
    else if (side === "r.") hash = sha256(NODE, hash, sibling);
    else return undefined;
  }
  return hash;
}

/** Sign a Merkle root. */
export const signRoot = (root: Buffer, privateKey: KeyObject): Buffer =>
  sign(null, Buffer.concat([ROOT_CONTEXT, root]), privateKey);

/** Sign a batch of answer bodies at once: one Ed25519 signature, one proof per answer. */
export function signResponses(key: SigningKey, bodies: readonly object[]): ResponseSignature[] {
  const { root, proofs } = merkleTree(bodies.map(responseLeaf));
  const sig = toBase64Url(signRoot(root, key.privateKey));
  return proofs.map((proof) => ({ alg: "EdDSA", kid: key.kid, proof, sig }));
}

export type SignedResponseCheck = "valid" | "unsigned" | "unknown_key" | "bad_signature";

/**
 * Check a signed answer `{…body, signature}`: the proof leads from this body to a root signed by a trusted key.
 * The caller still compares the echoed nonce with the one it sent.
 */
export function verifySignedResponse(
  response: Record<string, unknown>,
  keys: PublicKeys,
): SignedResponseCheck {
  const { signature, ...body } = response;
  if (!isResponseSignature(signature)) return "unsigned";
  const publicKey = keys.get(signature.kid);
  if (!publicKey) return "unknown_key";
  const root = rootFromProof(responseLeaf(body), signature.proof);
  if (!root || !isBase64Url(signature.sig)) return "bad_signature";
  const valid = verify(null, Buffer.concat([ROOT_CONTEXT, root]), publicKey, fromBase64Url(signature.sig));
  return valid ? "valid" : "bad_signature";
}

const isResponseSignature = (value: unknown): value is ResponseSignature => {
  if (value === null || typeof value !== "object") return false;
  const s = value as Record<string, unknown>;
  return (
    s.alg === "EdDSA" &&
    typeof s.kid === "string" &&
    typeof s.sig === "string" &&
    Array.isArray(s.proof) &&
    s.proof.every((step) => typeof step === "string")
  );
};
