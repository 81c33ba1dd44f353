import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FingerprintSource } from "../../src/fingerprint/source.js";

/** Recorded machines: `fs/` mirrors the paths a collector reads, `exec.json` maps command lines to outputs. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "fixtures");

/** A source plus the commands it was asked to run, so tests can see what a collector executed. */
export interface RecordingSource extends FingerprintSource {
  readonly calls: string[];
}

const readJson = async (path: string): Promise<Record<string, string>> => {
  try {
    return JSON.parse(await readFile(path, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
};

/** A key ending in " *" matches any arguments after its prefix (PowerShell's encoded script is long). */
const lookup = (table: Record<string, string>, line: string): string | undefined =>
  table[line] ??
  Object.entries(table).find(([key]) => key.endsWith(" *") && line.startsWith(key.slice(0, -1)))?.[1];

/** Replays a recorded machine (`fixtures/<os>/<machine>`) through the source interface. */
export function fixtureSource(machine: string, env: Record<string, string> = {}): RecordingSource {
  const root = join(FIXTURES, machine);
  const calls: string[] = [];
  const table = readJson(join(root, "exec.json"));
  return {
    calls,
    readFile: async (path) => {
      try {
        return await readFile(join(root, "fs", path), "utf8");
      } catch {
        return undefined;
      }
    },
    readdir: async (path) => {
      try {
        return await readdir(join(root, "fs", path));
      } catch {
        return undefined;
      }
    },
    exec: async (command, args) => {
      const line = [command, ...args].join(" ");
      calls.push(line);
      const output = lookup(await table, line);
      return output === undefined ? undefined : readFile(join(root, output), "utf8");
    },
    env: (name) => env[name],
  };
}

/** Raw identifiers of a recorded machine that must never appear in a collector's output. */
export async function sensitiveValues(machine: string): Promise<readonly string[]> {
  return Object.values(await readJson(join(FIXTURES, machine, "sensitive.json")));
}

/** A machine written inline: files by path (directories derived from them) and command outputs by line. */
export function mapSource(
  files: Record<string, string>,
  commands: Record<string, string> = {},
  env: Record<string, string> = {},
): RecordingSource {
  const calls: string[] = [];
  return {
    calls,
    readFile: async (path) => files[path],
    readdir: async (path) => {
      const prefix = `${path.replace(/\/$/, "")}/`;
      const names = Object.keys(files)
        .filter((file) => file.startsWith(prefix))
        .map((file) => file.slice(prefix.length).split("/")[0] ?? "");
      return names.length === 0 ? undefined : [...new Set(names)];
    },
    exec: async (command, args) => {
      const line = [command, ...args].join(" ");
      calls.push(line);
      return lookup(commands, line);
    },
    env: (name) => env[name],
  };
}

/**
 * A recorded machine with some paths or commands made unreadable (as for a user without root, or a
 * missing tool), or replaced.
 */
export function alteredSource(
  base: FingerprintSource,
  change: {
    readonly deny?: RegExp;
    readonly files?: Record<string, string>;
    readonly commands?: Record<string, string>;
  },
): FingerprintSource {
  return {
    readFile: async (path) =>
      change.files?.[path] ?? (change.deny?.test(path) ? undefined : base.readFile(path)),
    readdir: async (path) => (change.deny?.test(path) ? undefined : base.readdir(path)),
    exec: async (command, args) => {
      const line = [command, ...args].join(" ");
      const replaced = change.commands ? lookup(change.commands, line) : undefined;
      if (replaced !== undefined) return replaced;
      return change.deny?.test(line) ? undefined : base.exec(command, args);
    },
    env: (name) => base.env(name),
  };
}
