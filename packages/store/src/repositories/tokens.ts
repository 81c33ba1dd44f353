import type { AdminToken, Role } from "@ninsho/core";
import type { TokenRepository } from "../contracts.js";
import { present } from "../json.js";
import type { AdminTokensTable } from "../schema.js";
import type { Executor } from "./executor.js";

/** The settings row every change to the set of live admin tokens locks first. */
const REVOCATION_GUARD = "guard:admin-token-revocation";

export class KyselyTokenRepository implements TokenRepository {
  constructor(private readonly db: Executor) {}

  /** Store a token by its digest; the token itself is shown once to its creator and never kept. */
  async insert(token: AdminToken, digest: string): Promise<void> {
    await this.db
      .insertInto("admin_tokens")
      .values({
        id: token.id,
        name: token.name,
        role: token.role,
        token_digest: digest,
        created_at: token.createdAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
  }

  async findByDigest(digest: string): Promise<AdminToken | undefined> {
    const row = await this.db
      .selectFrom("admin_tokens")
      .selectAll()
      .where("token_digest", "=", digest)
      .executeTakeFirst();
    return row && toToken(row);
  }

  async findById(id: string): Promise<AdminToken | undefined> {
    const row = await this.db.selectFrom("admin_tokens").selectAll().where("id", "=", id).executeTakeFirst();
    return row && toToken(row);
  }

  async list(): Promise<AdminToken[]> {
    return (await this.db.selectFrom("admin_tokens").selectAll().orderBy("id").execute()).map(toToken);
  }

  /**
   * An upsert locks its row on every dialect (PostgreSQL and its distributed cousins, which lack advisory
   * locks); on SQLite the write transaction is already the only one, and the upsert is just a write.
   */
  async guardRevocations(): Promise<void> {
    await this.db
      .insertInto("settings")
      .values({ key: REVOCATION_GUARD, value: "" })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value: "" }))
      .execute();
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.db.updateTable("admin_tokens").set({ revoked_at: at }).where("id", "=", id).execute();
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable("admin_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
  }
}

const toToken = (row: AdminTokensTable): AdminToken => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  createdAt: row.created_at,
  ...present("lastUsedAt", row.last_used_at),
  ...present("revokedAt", row.revoked_at),
});
