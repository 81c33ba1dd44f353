import type { ServerDeps } from "../deps.js";

/**
 * Sign an answer body with the product's current key (batched with the answers of this event-loop turn) and
 * return the body with its `signature`.
 */
export async function signBody<T extends object>(
  deps: ServerDeps,
  productId: string,
  body: T,
): Promise<T & { signature: Awaited<ReturnType<ServerDeps["signer"]["sign"]>> }> {
  const key = await deps.keyring.signingKeyFor(productId);
  if (!key) throw new Error(`product ${productId} has no signing key`);
  const signature = await deps.signer.sign(key, body);
  return { ...body, signature };
}
