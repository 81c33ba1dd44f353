/**
 * An accessibility check of the page as it is now, by axe-core in the browser: WCAG 2 A and AA rules (labels,
 * contrast, names, landmarks…). The engine is evaluated through the DevTools protocol, which the page's CSP
 * (no inline script) does not govern, so the page is checked under its real CSP.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * Fail with each rule broken and where, if any.
 * @example
 * await expectAccessible(page, "console sign-in");
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  if ((await page.evaluate("typeof window.axe")) === "undefined") await page.evaluate(source);
  const violations = (await page.evaluate(
    "window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
  )) as Violation[];
  const found = violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, where).toEqual([]);
}
