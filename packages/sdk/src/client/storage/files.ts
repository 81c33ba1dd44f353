import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * What reading a file gave: its text, nothing (never written), or an error that makes it unusable.
 *
 * @example
 * const read: FileRead = await readOptional("state.json");
 * if (read.kind === "text") JSON.parse(read.text);
 */
export type FileRead =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "unreadable"; readonly error: string };

const errorCode = (error: unknown): string | undefined =>
  error !== null && typeof error === "object" && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;

/**
 * Read a file as UTF-8 without throwing: a state folder may hold anything, and the app must not crash.
 *
 * @example
 * const read = await readOptional(join(storageDir, "lease.jwt")); // { kind: "missing" } on a first run
 */
export async function readOptional(path: string): Promise<FileRead> {
  try {
    return { kind: "text", text: await readFile(path, "utf8") };
  } catch (error) {
    const code = errorCode(error);
    return code === "ENOENT" ? { kind: "missing" } : { kind: "unreadable", error: code ?? "read failed" };
  }
}

// Windows refuses a rename while an antivirus or indexer holds the target open for a moment: retry briefly.
const RENAME_RETRIES = 5;
const RETRYABLE = new Set(["EPERM", "EACCES", "EBUSY"]);
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !RETRYABLE.has(errorCode(error) ?? "")) throw error;
      await pause(10 * 2 ** attempt);
    }
  }
}

/**
 * Replace a file so that a reader (or a power cut) sees either the old content or the new, never a mix:
 * write a temp file in the same folder, fsync it, rename it over the target, then fsync the folder so the
 * rename itself is durable. Files are private to the user (0600).
 *
 * @example
 * await writeAtomic(join(storageDir, "lease.jwt"), `${token}\n`);
 */
export async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temp, "wx", 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** fsync a folder; Windows cannot open one, and there the rename is already durable (NTFS journals it). */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === "win32") return;
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already synced.
  }
}

/**
 * Create a file only if it does not exist yet; `false` when another writer created it first.
 *
 * @example
 * const created = await createExclusive(join(storageDir, "install.secret"), secret); // false if it exists
 */
export async function createExclusive(path: string, data: string | Buffer): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "wx", 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFolder(dirname(path));
  return true;
}

/**
 * Remove a file; a missing one is already removed.
 *
 * @example
 * await removeFile(join(storageDir, "lease.jwt"));
 */
export const removeFile = (path: string): Promise<void> => rm(path, { force: true });
