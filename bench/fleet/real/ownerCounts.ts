/** What the real server did to one legitimate device over its life, and what it cost its user and the vendor. */
export interface OwnerCounts {
  refreshes: number;
  /** Refreshes after a change (heaviest change since the previous refresh), by event. */
  checks: Record<string, number>;
  /** Signed refusals (`valid: false`) of a refresh: the app stopped and the user had to act. By event and code. */
  lockouts: Record<string, number>;
  lockoutCodes: Record<string, number>;
  /** Refusals that were not signed verdicts (an expired lease): the SDK activates again by key on its own. */
  silent: Record<string, number>;
  /** How lock-outs were resolved: the key recognised the machine again, a self-service transfer, or support. */
  reactivated: number;
  transferred: number;
  support: number;
  /** Replacement machines: a transfer the user expects (or support, once the allowance is spent). */
  replacements: number;
  replacementSupport: number;
  /** Restores of an earlier state (its lease put back), and those the server refused. */
  restores: number;
  restoreRefusals: number;
  /** OEM: board changes refused (OEM_BOARD_CHANGED) and how support ended them (see `boardResolution`). */
  boardChanged: number;
  warrantyRepairs: number;
  rebinds: number;
  newLicenses: number;
  /** OEM: the machine has no readable board, so the license cannot bind (BOUND_COMPONENT_MISSING); walk ends. */
  stranded: boolean;
  /** Answers nobody expects (an error status on a recovery step), by code: should stay empty. */
  unexpected: Record<string, number>;
  deviceYears: number;
}

export const emptyCounts = (): OwnerCounts => ({
  refreshes: 0,
  checks: {},
  lockouts: {},
  lockoutCodes: {},
  silent: {},
  reactivated: 0,
  transferred: 0,
  support: 0,
  replacements: 0,
  replacementSupport: 0,
  restores: 0,
  restoreRefusals: 0,
  boardChanged: 0,
  warrantyRepairs: 0,
  rebinds: 0,
  newLicenses: 0,
  stranded: false,
  unexpected: {},
  deviceYears: 0,
});

export const bump = (r: Record<string, number>, k: string) => {
  r[k] = (r[k] ?? 0) + 1;
};
