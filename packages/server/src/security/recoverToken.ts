import { hostname, userInfo } from "node:os";
import { newId } from "@ninsho/core";
import { createStore } from "@ninsho/store";
import { createToken } from "../services/admin/tokens.js";

/** Where the server's data is, as `ninsho tokens recover` resolves it. */
export interface RecoverOptions {
  /** `postgres://…` or the SQLite file. */
  readonly databaseUrl: string;
  /** The new token's name (default `recovered admin`). */
  readonly name?: string;
  readonly clock?: () => Date;
}

/** A token made by `recoverAdminToken`: shown once, like every token. */
export interface RecoveredToken {
  readonly token: string;
  readonly id: string;
}

/** Who ran the command, as the audit log names them: the operating-system user on the server machine. */
const operator = (): string => {
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // A user without a passwd entry (some containers) is still on the machine.
  }
  return `operator:${user}@${hostname()}`;
};

/**
 * A new admin token made directly in the store, for an operator who lost every admin token: whoever can open
 * the database on the server machine can already do anything, so this gives no new power, only a way back in.
 * The token and a `token.recovered` audit entry (who, on which machine, which token id) are written in one
 * transaction; the clear token is returned once and only its digest is stored.
 * @example
 * const { token } = await recoverAdminToken({ databaseUrl: "./data/ninsho.db" });
 */
export async function recoverAdminToken(options: RecoverOptions): Promise<RecoveredToken> {
  const clock = options.clock ?? (() => new Date());
  const store = createStore({ url: options.databaseUrl, poolSize: 1 });
  try {
    await store.migrate();
    return await store.transaction(async (tx) => {
      const name = options.name ?? "recovered admin";
      const { token, record } = await createToken({ store, clock }, { name, role: "admin" }, tx);
      await tx.audit.append({
        id: newId("event"),
        type: "token.recovered",
        actor: operator(),
        data: { tokenId: record.id, name, role: "admin" },
        createdAt: record.createdAt,
      });
      return { token, id: record.id };
    });
  } finally {
    await store.close();
  }
}
