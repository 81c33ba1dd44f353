import { isRecord } from "@ninsho/core";
/**
 * What offline activation keeps in `state.json` (under the state file's MAC), beside the online state.
 *
 * @example
 * const offline: OfflineState = { key: { productNumber: 4242, publicKey, pinnedAt: Date.now() } };
 */
export interface OfflineState {
  /** The product's offline key as the server certified it, when the app did not ship it (`offline` option). */
  key?: PinnedOfflineKey;
  /** Installation IDs this machine made, newest first (at most `MAX_PENDING`): a confirmation is checked against these. */
  pending?: PendingInstallation[];
  /** The rights a phone confirmation granted: re-verified with the offline key at every start. */
  phone?: PhoneRecord;
}

/**
 * The product number and BLS public key from `GET /v1/products/{id}/offline-key`, with that answer as signed
 * (`certificate`): the key is used only while the certificate verifies with the product keys the app ships.
 * A key kept by an older SDK without a certificate is not used.
 *
 * @example
 * const pinned: PinnedOfflineKey = { productNumber: 4242, publicKey: "…", pinnedAt: Date.now(), certificate };
 */
export interface PinnedOfflineKey {
  productNumber: number;
  publicKey: string;
  pinnedAt: number;
  certificate?: string;
}

/**
 * An installation ID as the machine made it (its canonical grouped text) and when.
 *
 * @example
 * const pending: PendingInstallation = { text: iid.text, createdAt: Date.now() };
 */
export interface PendingInstallation {
  text: string;
  createdAt: number;
}

/**
 * A phone confirmation: the installation ID it answers, the confirmation ID, and when it was installed.
 *
 * @example
 * const record: PhoneRecord = { installation: iid.text, confirmation: cid.text, confirmedAt: Date.now() };
 */
export interface PhoneRecord {
  installation: string;
  confirmation: string;
  confirmedAt: number;
}

/**
 * How many installation IDs are kept: a confirmation for a slightly older one still installs.
 *
 * @example
 * pending.slice(0, MAX_PENDING);
 */
export const MAX_PENDING = 3;

const isPending = (v: unknown): boolean =>
  isRecord(v) && typeof v.text === "string" && Number.isFinite(v.createdAt);

/**
 * Loose shape check of the offline part of a state file (its MAC already vouches for it).
 *
 * @example
 * isOfflineState({ pending: [] }); // true
 */
export function isOfflineState(v: unknown): v is OfflineState {
  if (!isRecord(v)) return false;
  const key =
    v.key === undefined ||
    (isRecord(v.key) &&
      Number.isInteger(v.key.productNumber) &&
      typeof v.key.publicKey === "string" &&
      Number.isFinite(v.key.pinnedAt) &&
      (v.key.certificate === undefined || typeof v.key.certificate === "string"));
  const pending = v.pending === undefined || (Array.isArray(v.pending) && v.pending.every(isPending));
  const phone =
    v.phone === undefined ||
    (isRecord(v.phone) &&
      typeof v.phone.installation === "string" &&
      typeof v.phone.confirmation === "string" &&
      Number.isFinite(v.phone.confirmedAt));
  return key && pending && phone;
}
