import type { ServerDeps } from "./deps.js";
import { createPolicy, createProduct } from "./services/admin/catalog.js";
import { issueLicenses } from "./services/admin/issueKeys.js";
import { createToken } from "./services/admin/tokens.js";

/** What a first start made, to be printed once. */
export interface Seeded {
  readonly adminToken: string;
  readonly demoKey: string;
  readonly productId: string;
  readonly policyId: string;
}

/**
 * On a fresh database: an admin token, and a demo product, policy (3 devices) and key, so a newcomer can
 * activate at once. Exactly one process wins the race to seed (`setIfAbsent`); the others seed nothing.
 */
export async function seedIfEmpty(deps: ServerDeps): Promise<Seeded | undefined> {
  const won = await deps.store.settings.setIfAbsent("seeded_at", deps.clock().toISOString());
  if (!won) return undefined;
  const { token, record } = await createToken(deps, { name: "initial admin", role: "admin" });
  const created = await createProduct(deps, { name: "Ninsho Demo" });
  if (!created.ok) throw new Error(`seeding the demo product failed: ${created.error.code}`);
  const product = created.value;
  const policy = await createPolicy(deps, {
    productId: product.id,
    name: "Demo retail (3 devices)",
    channel: "retail",
    maxDevices: 3,
    entitlements: ["demo"],
  });
  if (!policy.ok) throw new Error(`seeding the demo policy failed: ${policy.error.code}`);
  let demoKey = "";
  for await (const batch of issueLicenses(deps, {
    policy: policy.value,
    count: 1,
    actor: `token:${record.id}`,
  })) {
    demoKey = batch[0]?.key ?? "";
  }
  await deps.store.settings.set("demo_product_id", product.id);
  return { adminToken: token, demoKey, productId: product.id, policyId: policy.value.id };
}
