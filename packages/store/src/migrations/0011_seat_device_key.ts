import type { Kysely } from "kysely";

/**
 * A seat's holder may register a device key at check-out (the Ed25519 public key of issue 10's device proof):
 * such a seat is renewed and returned only with the holder's proof, signed over the very request, instead of
 * with its secret. Null: a seat kept by its secret.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("seats").addColumn("device_key", "text").execute();
}
