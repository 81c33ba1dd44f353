/**
 * The records of the self-service hardware change, and the interfaces of their repositories (kept beside each
 * other: nothing else in the store uses them).
 */

/** A code mailed to a license's owner that proves a transfer made with the key; one live code per license. */
export interface TransferCodeRecord {
  readonly licenseId: string;
  /** A keyed digest of the code (bound to the license), never the code. */
  readonly digest: string;
  /** Wrong tries so far; the code is dead at the limit. */
  readonly attempts: number;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** What a support request is about; one kind so far. */
export type SupportRequestKind = "transfer_allowance";

/** A request to the vendor's support opened by a refused self-service step, with what support needs to act. */
export interface SupportRequestRecord {
  readonly id: string;
  readonly licenseId: string;
  /** The signed-in account that asked, when it came through one. */
  readonly accountId?: string;
  readonly kind: SupportRequestKind;
  readonly status: "open" | "closed";
  /** The full context: the refusal, the devices with their explanations, the timeline. JSON-safe. */
  readonly context: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
}

/** Transfer codes, by license. */
export interface TransferCodeRepository {
  /** Keep a new code for its license, replacing any older one (a new mail voids the code before). */
  put(code: TransferCodeRecord): Promise<void>;
  find(licenseId: string): Promise<TransferCodeRecord | undefined>;
  /** Count a wrong try (atomically); the tries counted afterwards. */
  countWrong(licenseId: string): Promise<number>;
  remove(licenseId: string): Promise<void>;
}

/** Support requests, newest first. */
export interface SupportRequestRepository {
  insert(request: SupportRequestRecord): Promise<void>;
  /** Newest first, of one license and in one status when given. */
  list(options: {
    limit: number;
    licenseId?: string | undefined;
    status?: SupportRequestRecord["status"] | undefined;
  }): Promise<SupportRequestRecord[]>;
  findById(id: string): Promise<SupportRequestRecord | undefined>;
  /** Close an open request; false when it was not open (closed already, or no such request). */
  close(id: string): Promise<boolean>;
}
