export const toBase64Url = (data: Uint8Array | string): string =>
  (typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data)).toString("base64url");

export const fromBase64Url = (text: string): Buffer => Buffer.from(text, "base64url");

/**
 * Strict: Node's decoder skips bad characters, so a tampered token could otherwise decode "successfully"; and it
 * ignores the spare low bits of the last character, so only the canonical spelling of the bytes is accepted
 * (otherwise one signature has 4–16 spellings and a signed token is malleable).
 */
export const isBase64Url = (text: string): boolean =>
  /^[A-Za-z0-9_-]*$/.test(text) && Buffer.from(text, "base64url").toString("base64url") === text;
