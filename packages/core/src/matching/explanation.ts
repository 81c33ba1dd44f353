/** How one kind of component compared between the stored device and the fingerprint presented. */
export type ComponentOutcome = "matched" | "changed" | "missing" | "added";

export interface ComponentComparison {
  readonly kind: string;
  readonly weight: number;
  readonly outcome: ComponentOutcome;
}

/** Why a fingerprint was, or was not, taken for a stored device. Shown to people as it is. */
export interface MatchExplanation {
  /** Matched weight over the weight of everything the stored device had, rounded to 3 places (0…1). */
  readonly score: number;
  readonly threshold: number;
  /** Recognised: the score reached the threshold, or `unitIds` reached two. */
  readonly sameDevice: boolean;
  /**
   * Unit-level identifiers (board, disk, NIC, install id serials) shared with the stored device, counted in
   * kinds that matched; two recognise the machine whatever the score. Absent from older servers' answers.
   */
  readonly unitIds?: number;
  /** Collector of the presented set that scored best (a predecessor's set during a collector migration). */
  readonly collector: string;
  readonly components: ComponentComparison[];
}
