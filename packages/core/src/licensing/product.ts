/** Software a vendor sells. It owns its signing keys, so one product's leases never unlock another. */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  /** When an admin archived it: its licenses keep working; it takes no new policies or keys. */
  readonly archivedAt?: string;
  /**
   * The ordered features a phone confirmation can carry (at most 20, only ever appended to): bit i of a
   * confirmation ID grants feature i. Absent: none crosses the phone. See `offline/phoneFeatures.ts`.
   */
  readonly phoneFeatures?: string[];
}

/** A product's signing key as stored: the private half is sealed under the master key. */
export interface SigningKeyRecord {
  readonly kid: string;
  readonly productId: string;
  /** Public key as a JWK (`kty: OKP`, `crv: Ed25519`). */
  readonly publicJwk: { readonly kty: "OKP"; readonly crv: "Ed25519"; readonly x: string };
  /** PKCS#8 PEM sealed with `seal(…, kid)`. */
  readonly sealedPrivateKey: string;
  readonly createdAt: string;
  /** When it starts signing, if later than `createdAt` (a rotated-in key is published first). */
  readonly activeFrom?: string;
  /** From this instant the key signs nothing new; it still verifies what it signed. */
  readonly retiredAt?: string;
}
