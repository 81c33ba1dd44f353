/**
 * A read that SQLite refuses with "database is locked" on the read-only connection is run on the writer
 * instead of failing its request (the bench saw an activation answered 500 from such a lookup). The error here
 * is SQLite's own: a second connection with no busy timeout meeting a write lock another connection holds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { isBusy, readOrFallBack } from "../src/dialects/sqliteBusy.js";

const dir = mkdtempSync(join(tmpdir(), "ninsho-busy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** SQLite's real SQLITE_BUSY: one connection holds the write lock, another asks for it without waiting. */
function sqliteBusyError(): unknown {
  const path = join(dir, "busy.db");
  const holder = new SqliteDatabase(path);
  holder.pragma("journal_mode = WAL");
  holder.exec("create table if not exists t (x)");
  const other = new SqliteDatabase(path);
  other.pragma("busy_timeout = 0");
  holder.exec("begin immediate");
  try {
    other.exec("begin immediate");
    return undefined;
  } catch (error) {
    return error;
  } finally {
    holder.exec("rollback");
    holder.close();
    other.close();
  }
}

describe("sqlite read fallback", () => {
  const busy = sqliteBusyError();

  it("knows SQLite's 'database is locked' and nothing else", () => {
    expect(busy).toBeInstanceOf(Error);
    expect(isBusy(busy)).toBe(true);
    expect(isBusy(new Error("database is locked"))).toBe(false);
    expect(isBusy(Object.assign(new Error("no such table"), { code: "SQLITE_ERROR" }))).toBe(false);
    expect(isBusy(undefined)).toBe(false);
  });

  it("reads on the writer when the read connection is locked out", async () => {
    let onWriter = 0;
    const rows = await readOrFallBack(
      () => {
        throw busy;
      },
      async () => {
        onWriter++;
        return [{ id: 1 }];
      },
    );
    expect(rows).toEqual([{ id: 1 }]);
    expect(onWriter).toBe(1);
  });

  it("answers from the read connection when it can, and throws any other error as it came", () => {
    const fail = async () => {
      throw new Error("the writer must not be asked");
    };
    expect(readOrFallBack(() => [1], fail)).toEqual([1]);
    const syntax = Object.assign(new Error("near 'selec': syntax error"), { code: "SQLITE_ERROR" });
    expect(() =>
      readOrFallBack(() => {
        throw syntax;
      }, fail),
    ).toThrow(syntax);
  });
});
