/**
 * Everything a collector learns about the machine comes through this interface, so tests replay recorded
 * machines and the real implementation (`nodeSource`) stays the only code that touches the system.
 * Every method answers `undefined` instead of throwing: an unreadable fact is a normal outcome.
 *
 * @example
 * const source: FingerprintSource = {
 *   readFile: async (path) => (path === "/etc/machine-id" ? "3d1219c7c4c5404aaa1f6d2a48adfda4\n" : undefined),
 *   readdir: async () => undefined,
 *   exec: async () => undefined,
 *   env: () => undefined,
 * };
 */
export interface FingerprintSource {
  /** Text of a file, or `undefined` when it is absent or unreadable (e.g. root-only DMI files). */
  readFile(path: string): Promise<string | undefined>;
  /** Names in a directory (not paths), or `undefined` when it is absent or unreadable. */
  readdir(path: string): Promise<readonly string[] | undefined>;
  /** Stdout of a program run without a shell, or `undefined` when it failed, timed out or is missing. */
  exec(command: string, args: readonly string[]): Promise<string | undefined>;
  /** An environment variable of the process. */
  env(name: string): string | undefined;
}

/**
 * Wrap a source so each file, directory and command is read once per collection: a collector and its
 * predecessors read the same facts, and `system_profiler` or PowerShell take seconds to start.
 *
 * @example
 * const source = memoizeSource(nodeSource());
 * await source.exec("lsblk", ["-J"]); // runs lsblk
 * await source.exec("lsblk", ["-J"]); // answered from memory
 */
export function memoizeSource(source: FingerprintSource): FingerprintSource {
  const files = new Map<string, Promise<string | undefined>>();
  const dirs = new Map<string, Promise<readonly string[] | undefined>>();
  const runs = new Map<string, Promise<string | undefined>>();
  const once = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
    const known = cache.get(key);
    if (known) return known;
    const pending = read();
    cache.set(key, pending);
    return pending;
  };
  return {
    readFile: (path) => once(files, path, () => source.readFile(path)),
    readdir: (path) => once(dirs, path, () => source.readdir(path)),
    // JSON of the argument vector: no two different calls can share a key.
    exec: (command, args) => once(runs, JSON.stringify([command, ...args]), () => source.exec(command, args)),
    env: (name) => source.env(name),
  };
}
