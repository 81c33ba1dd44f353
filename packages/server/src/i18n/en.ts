/** The server's own words in English, as ICU messages: its error-code page. Problems are worded by core's catalogue. */
export const en = {
  "docs.title": "Error codes",
  "docs.serverCodes": "Codes in HTTP answers",
  "docs.deviceCodes": "Codes the SDK and the ninsho command report on the device (no HTTP status)",
  "docs.code": "code",
  "docs.status": "HTTP",
  "docs.retired": "Retired: no current server answers this code; replaced by {code}.",
  "docs.message": "message",
  "docs.remedy": "remedy",
} as const;

/** A key of the server's messages. */
export type ServerMessageKey = keyof typeof en;
