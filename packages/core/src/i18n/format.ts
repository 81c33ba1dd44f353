import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "./locale.js";

/**
 * A value that fills an ICU argument: text, a number (for `{n, plural, …}` too), or a list that is joined by the
 * locale's list rule (`Intl.ListFormat`: "2, 3, and 4" / "2、3、4").
 */
export type MessageValue = string | number | readonly (string | number)[];

/** The values of one message, by argument name. */
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** One language's messages: ICU MessageFormat strings by key. */
export type MessageTable = Readonly<Record<string, string>>;

interface Compiled {
  readonly format: IntlMessageFormat;
  readonly argumentNames: readonly string[];
}

// `ignoreTag`: a message may show `<token>` or `<path>` literally; Ninsho's messages carry no markup.
const PARSE_OPTIONS = { ignoreTag: true } as const;
const compiledMessages = new Map<string, Compiled>();

/**
 * The argument names of an ICU message, nested ones (inside plural and select branches) included, sorted.
 * @example
 * argumentNames("{count, plural, one {# key} other {# keys}} for {licenseId}"); // ["count", "licenseId"]
 */
export function argumentNames(message: string): string[] {
  return [...namesOf(parse(message, PARSE_OPTIONS))].sort();
}

function namesOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(element.value);
        break;
      case TYPE.select:
      case TYPE.plural:
        into.add(element.value);
        for (const option of Object.values(element.options)) namesOf(option.value, into);
        break;
      case TYPE.tag:
        namesOf(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

function compile(message: string, locale: Locale): Compiled {
  const cacheKey = `${locale}\u0000${message}`;
  const cached = compiledMessages.get(cacheKey);
  if (cached !== undefined) return cached;
  const format = new IntlMessageFormat(message, locale, undefined, PARSE_OPTIONS);
  const compiled = { format, argumentNames: [...namesOf(format.getAst())] };
  compiledMessages.set(cacheKey, compiled);
  return compiled;
}

/**
 * Format an ICU message in a locale. Lists are joined by the locale's list rule; an argument with no value is
 * left visible as `{name}` rather than failing or silently dropped; values are data, never parsed as messages.
 * @example
 * formatMessage("Groups {groups} have a typo.", "en", { groups: [2, 4] }); // "Groups 2 and 4 have a typo."
 * formatMessage("{n, plural, one {# device} other {# devices}}", "en", { n: 1 }); // "1 device"
 */
export function formatMessage(message: string, locale: Locale, values: MessageValues = {}): string {
  const { format, argumentNames: names } = compile(message, locale);
  const filled: Record<string, string | number> = {};
  for (const name of names) {
    // Own properties only: a `__proto__` key parsed from JSON must not reach the formatter.
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    filled[name] =
      value === undefined ? `{${name}}` : typeof value === "object" ? joinList(value, locale) : value;
  }
  return String(format.format(filled));
}

/**
 * Join items with the locale's "and" list rule.
 * @example
 * joinList(["board", "disk"], "en"); // "board and disk"
 * joinList(["board", "disk"], "ja"); // "board、disk"
 */
export function joinList(items: readonly (string | number)[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items.map(String));
}
