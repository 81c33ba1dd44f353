import type { ErrorCode } from "../errors/codes.js";
import { type Reason, reason } from "../errors/reasons.js";
import type { Problem } from "../result.js";
import { type DigitCodeMalformation, GROUP_LENGTH } from "./digitGroups.js";

/** Which code a malformation is about (it names it in the reason), and how many groups its current version has. */
export interface DigitCodeName {
  readonly name: "installation" | "confirmation";
  readonly groups: number;
}

/**
 * The reason of a malformation, naming the groups at fault; `describe()` words it.
 * @example
 * malformationReason(details, installationIdName); // { reason: "DIGITS_TYPO", values: { count: 1, groups: [3] } }
 */
export function malformationReason(m: DigitCodeMalformation, code: DigitCodeName): Reason {
  const groups = { count: m.groups.length, groups: m.groups };
  switch (m.kind) {
    case "length":
      return m.groups.length > 0
        ? reason("DIGITS_GROUP_LENGTH", { ...groups, digits: GROUP_LENGTH })
        : reason("DIGITS_LENGTH", {
            length: m.length,
            name: code.name,
            expected: m.expectedLength,
            groupCount: m.expectedLength / GROUP_LENGTH,
            digits: GROUP_LENGTH,
          });
    case "character":
      return reason("DIGITS_CHARACTERS", {
        ...groups,
        characters: [...new Set(m.invalidCharacters)].map((c) => `"${c}"`),
      });
    case "checksum":
      return reason("DIGITS_TYPO", groups);
    case "version":
      return reason("DIGITS_VERSION", { name: code.name });
    case "range":
      return reason("DIGITS_RANGE", groups);
  }
}

/**
 * The problem for a malformed installation or confirmation ID, with the groups at fault in its details.
 * @example
 * malformed("INSTALLATION_ID_MALFORMED", m, installationIdName);
 */
export const malformed = (code: ErrorCode, m: DigitCodeMalformation, name: DigitCodeName): Problem => ({
  code,
  params: { reason: malformationReason(m, name) },
  details: m,
});

export const installationIdName: DigitCodeName = { name: "installation", groups: 9 };
/** Confirmation IDs are read as the current version (18 groups) unless typed whole as an old one (17). */
export const confirmationIdName: DigitCodeName = { name: "confirmation", groups: 18 };
