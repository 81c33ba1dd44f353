import { type Kysely, sql } from "kysely";

/**
 * Stored component digests become keyed (`k1.…`, HMAC under a key derived from the master key) instead of the
 * digests clients sent, which a stolen database could be searched with. The store holds no master key, so this
 * migration only records that rows written before it may still hold clients' digests; the server re-keys them
 * at its next start, before it listens (`rekeyStoredDigests`), and then records `keyed`. No device is lost:
 * a client's digest keys to exactly what the same client now presents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into settings (key, value) values ('component_digests', 'client')`.execute(db);
}
