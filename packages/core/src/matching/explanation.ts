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
  readonly sameDevice: boolean;
  /** Collector of the presented set that scored best (a predecessor's set during a collector migration). */
  readonly collector: string;
  readonly components: ComponentComparison[];
}
