/**
 * The argument names of an ICU message, computed by the type checker from the message's literal type, so a
 * package's `t(key, values)` requires exactly the values its English message names. A rough scanner, on
 * purpose: braces open an argument in text and a branch inside a plural or select; `'{…}'` is quoted text. A
 * message typed only as `string` names any arguments.
 * @example
 * type A = ArgumentsOf<"{count, plural, one {# key for {who}} other {# keys}}">; // "count" | "who"
 */
export type ArgumentsOf<S extends string> = string extends S ? string : Scan<S, [], never>;

type Context = "text" | "options";
type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
type Push<Stack extends Context[], C extends Context> = [...Stack, C];
type Pop<Stack extends Context[]> = Stack extends [...infer Rest extends Context[], Context] ? Rest : [];
type Top<Stack extends Context[]> = Stack extends [...Context[], infer Last] ? Last : "text";

/** Scan to the next brace: in text it opens an argument or closes a branch; in options it opens or ends one. */
type Scan<
  S extends string,
  Stack extends Context[],
  Found extends string,
> = S extends `${infer Before}{${infer After}`
  ? Before extends `${string}}${infer Rest}`
    ? Close<`${Rest}{${After}`, Stack, Found>
    : Before extends `${string}'`
      ? After extends `${string}'${infer Rest}`
        ? Scan<Rest, Stack, Found>
        : Found
      : Top<Stack> extends "options"
        ? Scan<After, Push<Stack, "text">, Found>
        : Argument<After, Stack, Found>
  : S extends `${string}}${infer Rest}`
    ? Close<Rest, Stack, Found>
    : Found;

/** A closing brace: the end of a branch (back to options) or of a plural or select (back to text). */
type Close<Rest extends string, Stack extends Context[], Found extends string> = Scan<
  Rest,
  Pop<Stack>,
  Found
>;

/** Just after `{` in text: `name}`, `name, plural, …`, `name, select, …` or `name, number…}`. */
type Argument<
  S extends string,
  Stack extends Context[],
  Found extends string,
> = S extends `${infer Head}}${infer Rest}`
  ? Head extends `${infer Name},${infer Kind}`
    ? Trim<Kind> extends `${"plural" | "select" | "selectordinal"}${string}`
      ? S extends `${string},${string},${infer Options}`
        ? Scan<Options, Push<Stack, "options">, Found | Trim<Name>>
        : Found | Trim<Name>
      : Scan<Rest, Stack, Found | Trim<Name>>
    : Scan<Rest, Stack, Found | Trim<Head>>
  : Found;
