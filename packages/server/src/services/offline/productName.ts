import type { License, Problem } from "@ninsho/core";
import type { ServerDeps } from "../../deps.js";

/**
 * The display name of a license's product (its id if the catalogue lost it), for answers to a caller whose
 * request already proved the license's key: the name tells them nothing the key did not already give them.
 * @example
 * const productName = await productNameOf(deps, license);
 */
export async function productNameOf(deps: ServerDeps, license: License): Promise<string> {
  const product = await deps.store.products.findById(license.productId);
  return product?.name ?? license.productId;
}

/**
 * A refusal about a license the caller holds the key of, with the product's name in its details (the phone page
 * heads a full license's device list with it). Only for refusals after the key's proof held: never for an
 * unknown or wrongly proved ID, so someone guessing keys or installation IDs learns no name.
 * @example
 * if (!done.ok) return named(done.error, productName);
 */
export function named(
  problem: Problem,
  productName: string,
): { readonly ok: false; readonly error: Problem } {
  const details = problem.details;
  const known = typeof details === "object" && details !== null && !Array.isArray(details) ? details : {};
  return { ok: false, error: { ...problem, details: { ...known, productName } } };
}
