import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  describe,
  deviceErrorCodes,
  type ErrorCode,
  httpStatus,
  isRetiredErrorCode,
  isServerErrorCode,
  type Locale,
  retiredErrorCodes,
  serverErrorCodes,
} from "@ninsho/core";
import type { AppEnv } from "../http/env.js";
import { serverText } from "../i18n/index.js";

export const openApiInfo = {
  openapi: "3.1.0",
  info: {
    title: "Ninsho activation server",
    version: "1.0.0",
    description:
      "Product keys, device activation with explainable hardware matching, and signed leases. Errors are `{error: {code, message, remedy, docs}}` with codes from one closed catalogue (see /docs/errors).",
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch);

/**
 * One table of codes: each row its code, its HTTP status when it has one, and its words in the reader's language
 * (a retired code's led by its retirement and successor).
 */
function codeTable(codes: readonly ErrorCode[], locale: Locale): string {
  const t = serverText(locale);
  const withStatus = codes.some(isServerErrorCode);
  const rows = codes
    .map((code) => {
      const text = describe(code, locale);
      const status = isServerErrorCode(code) ? `<td>${httpStatus(code)}</td>` : "";
      const retired = isRetiredErrorCode(code)
        ? `<strong>${escapeHtml(t("docs.retired", { code: retiredErrorCodes[code] }))}</strong> `
        : "";
      return `<tr id="${code}"><td><code>${code}</code></td>${status}<td>${retired}${escapeHtml(text.message)}</td><td>${escapeHtml(text.remedy)}</td></tr>`;
    })
    .join("\n");
  const statusHeading = withStatus ? `<th>${t("docs.status")}</th>` : "";
  return `<table><thead><tr><th>${t("docs.code")}</th>${statusHeading}<th>${t("docs.message")}</th><th>${t("docs.remedy")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The API description and the error catalogue, served by the server itself so `docs` links always resolve. */
export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.doc31("/openapi.json", openApiInfo);
  app.get("/docs/errors", (c) => {
    const locale = c.get("locale");
    const t = serverText(locale);
    const title = t("docs.title");
    return c.html(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><h2>${t("docs.serverCodes")}</h2>${codeTable(serverErrorCodes, locale)}<h2>${t("docs.deviceCodes")}</h2>${codeTable(deviceErrorCodes, locale)}</html>`,
    );
  });
}
