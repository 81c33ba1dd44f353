import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";

/** A file or folder whose mode was looser than private and was tightened, for the start-up log. */
export interface TightenedMode {
  readonly path: string;
  /** The mode found, e.g. `0o644`. */
  readonly from: string;
  readonly to: string;
}

const octal = (mode: number): string => `0o${(mode & 0o777).toString(8)}`;

function tighten(path: string, wanted: number, fixed: TightenedMode[]): void {
  if (!existsSync(path)) return;
  const mode = statSync(path).mode & 0o777;
  // Anything for group or others is too much; the owner's own bits are left as they are apart from that.
  if ((mode & 0o077) === 0) return;
  chmodSync(path, wanted);
  fixed.push({ path, from: octal(mode), to: octal(wanted) });
}

/** The files a SQLite database lives in: the file, its write-ahead log and its shared-memory index. */
export const sqliteFiles = (databasePath: string): string[] => [
  databasePath,
  `${databasePath}-wal`,
  `${databasePath}-shm`,
  `${databasePath}-journal`,
];

/**
 * Make the data folder private: the folder 0700, the master key, the admin-token file and the SQLite files 0600,
 * also when they exist with looser modes (an old install, a copy restored with a default umask). A SQLite file
 * not made yet is created empty with mode 0600 first, because SQLite gives its `-wal` and `-shm` files the mode
 * of the database file: one private file keeps every later one private whatever the umask. Returns what it had
 * to tighten, so the caller can log it.
 * @example
 * for (const fix of makeDataPrivate("./data", "./data/ninsho.db")) logger.warn(fix, "made private");
 */
export function makeDataPrivate(dataDir: string, sqlitePath?: string): TightenedMode[] {
  const fixed: TightenedMode[] = [];
  if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir, 0o700, fixed);
  for (const name of ["master.key", ADMIN_TOKEN_FILE]) tighten(join(dataDir, name), 0o600, fixed);
  if (sqlitePath !== undefined && sqlitePath !== ":memory:") {
    if (!existsSync(sqlitePath)) closeSync(openSync(sqlitePath, "wx", 0o600));
    for (const path of sqliteFiles(sqlitePath)) tighten(path, 0o600, fixed);
  }
  return fixed;
}

/** The file a first start writes its admin token to when no one is at a terminal to read it. */
export const ADMIN_TOKEN_FILE = "initial-admin-token";

/**
 * Log each mode a start had to tighten: an operator should learn that the data was readable by others.
 * @example
 * logTightened(logger, makeDataPrivate(dataDir, sqlitePath));
 */
export function logTightened(logger: Logger, fixed: readonly TightenedMode[]): void {
  for (const fix of fixed)
    logger.warn(fix, `${fix.path} was readable by other users (mode ${fix.from}); made private (${fix.to})`);
}
