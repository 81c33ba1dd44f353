/**
 * Whether an endpoint takes an event type: `*` takes all, `license.*` every `license.` type, else exact names.
 * @example
 * subscribes(["device.*"], "device.activated"); // true
 */
export function subscribes(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.some(
    (wanted) =>
      wanted === "*" || wanted === type || (wanted.endsWith(".*") && type.startsWith(wanted.slice(0, -1))),
  );
}
