/**
 * A repository check: every path that admits a device (online, phone, license file, transfer, and whatever
 * comes next) writes its activation through `admitDevice`, so none can skip the channel's rules. A new caller of
 * the activation write outside `services/admission.ts` fails here, naming its file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../src");

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });

/** The server's source files that call `name(`, outside comments. */
const callersOf = (name: string): string[] =>
  sources(SRC)
    .filter((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .some((line) => !/^\s*(\*|\/\/)/.test(line) && new RegExp(`\\b${name}\\(`).test(line)),
    )
    .map((file) => relative(SRC, file))
    .sort();

describe("one way in", () => {
  it("only admitDevice writes an activation; online, phone, file and transfer all call it", () => {
    expect(callersOf("writeActivation")).toEqual(["services/activationWrite.ts", "services/admission.ts"]);
    expect(callersOf("admitDevice")).toEqual([
      "services/activate.ts",
      "services/admission.ts",
      "services/offline/persist.ts",
      "services/transfer.ts",
    ]);
  });
});
