/**
 * Words the browser scripts show, in the page's language. The server writes them into each page as a JSON
 * data block, so the translations live in one place (`src/text/`) and the scripts carry none.
 * Placeholders in braces are filled by `fill` (client/format.ts). A failure of the page's own call (no answer,
 * or one that is not the API's) is a problem of the error catalogue, worded apart: see `pageProblem`.
 */
export interface ClientText {
  /** {n}: the group's number. */
  readonly groupTypo: string;
  /** Under the group itself, where its number is already in the label. */
  readonly groupTypoShort: string;
  /** {list}: the groups' numbers. */
  readonly groupsIncomplete: string;
  readonly groupsValid: string;
  readonly sending: string;
  readonly resultHeading: string;
  readonly resultIntro: string;
  /** The console's: the agent reads the groups to the caller. */
  readonly resultIntroAgent: string;
  /** {n} */
  readonly resultGroup: string;
  /** {date}, {days} */
  readonly leaseUntil: string;
  readonly leaseForever: string;
  /** {days}, {date} */
  readonly graceUntil: string;
  /** {name} */
  readonly deviceLine: string;
  readonly recognized: string;
  readonly newDevice: string;
  readonly replayed: string;
  /** {device}: its name, or its id. */
  readonly transferredFrom: string;
  readonly copy: string;
  readonly copied: string;
  readonly startOver: string;
  readonly refusedHeading: string;
  readonly whatToDo: string;
  /** {code} */
  readonly errorCode: string;
  readonly devicesHeading: string;
  /** {name}, {platform}, {activated}, {seen} */
  readonly deviceSummary: string;
  readonly transferOffer: string;
  /** {name} */
  readonly transferButton: string;
  /** A move asks for the owner's proof: a code mailed to the owner, asked for with the key. */
  readonly proofHeading: string;
  readonly proofIntro: string;
  readonly proofKey: string;
  readonly proofKeyHint: string;
  readonly proofSend: string;
  /** {to}: the owner's address, masked. */
  readonly proofSent: string;
  readonly proofCode: string;
  readonly proofCodeHint: string;
  /** {name} */
  readonly proofMove: string;
  readonly proofSignIn: string;
  readonly proofMissing: string;
  /** {role}, {id} */
  readonly signedInAs: string;
  readonly tokenRefused: string;
  /** {role} */
  readonly roleTooLow: string;
  readonly signInFirst: string;
  readonly lookupNone: string;
  /** {count} */
  readonly licensesFound: string;
  readonly open: string;
  /** {id} */
  readonly licenseHeading: string;
  readonly fieldState: string;
  readonly fieldKeyHint: string;
  readonly fieldOwner: string;
  readonly fieldProduct: string;
  readonly fieldPolicy: string;
  readonly fieldCreated: string;
  readonly fieldExpires: string;
  readonly never: string;
  readonly noDevices: string;
  /** {date} */
  readonly deactivatedAt: string;
  readonly timelineHeading: string;
  /** {held}, {seats} */
  readonly seatsHeading: string;
  /** {name}, {platform}, {kind}, {checkedOut}, {expires} */
  readonly seatSummary: string;
  readonly seatOverage: string;
  /** How a seat is held, as the admin API names it. */
  readonly seatKinds: Readonly<Record<"floating" | "workload" | "borrowed", string>>;
  readonly noSeats: string;
  readonly peaksHeading: string;
  readonly peakDay: string;
  readonly peakCount: string;
  /** {actor} */
  readonly byActor: string;
  /** States of a license as the admin API names them. */
  readonly states: Readonly<Record<"active" | "suspended" | "revoked" | "expired", string>>;
}
