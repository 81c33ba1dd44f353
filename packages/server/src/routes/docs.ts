import type { OpenAPIHono } from "@hono/zod-openapi";
import { catalogue, errorCodes, httpStatus, isServerErrorCode } from "@ninsho/core";
import type { AppEnv } from "../http/env.js";

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

/** The API description and the error catalogue, served by the server itself so `docs` links always resolve. */
export function registerDocs(app: OpenAPIHono<AppEnv>): void {
  app.doc31("/openapi.json", openApiInfo);
  app.get("/docs/errors", (c) => {
    const locale = c.get("locale");
    const rows = errorCodes
      .map((code) => {
        const text = catalogue[code][locale];
        return `<tr id="${code}"><td><code>${code}</code></td><td>${isServerErrorCode(code) ? httpStatus(code) : "—"}</td><td>${escapeHtml(text.message)}</td><td>${escapeHtml(text.remedy)}</td></tr>`;
      })
      .join("\n");
    const title = locale === "ja" ? "エラーコード一覧" : "Error codes";
    return c.html(
      `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><table><thead><tr><th>code</th><th>HTTP</th><th>message</th><th>remedy</th></tr></thead><tbody>${rows}</tbody></table></html>`,
    );
  });
}
