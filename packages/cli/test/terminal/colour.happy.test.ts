import { describe, expect, it } from "vitest";
import { colourEnabled, palette } from "../../src/terminal/colour.js";
import { ESCAPE, spawnPiped } from "./support.js";

const terminal = { isTTY: true, hasColors: () => true };
const pipe = { isTTY: false };

describe("colour only on a terminal, and as NO_COLOR / FORCE_COLOR say", () => {
  it("decides from the stream and the environment", () => {
    expect(colourEnabled(terminal, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled({ isTTY: true, hasColors: () => false }, {})).toBe(false);
    expect(colourEnabled(terminal, { NO_COLOR: "1" })).toBe(false);
    expect(colourEnabled(terminal, { NO_COLOR: "" })).toBe(true); // empty counts as unset (no-color.org)
    expect(colourEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colourEnabled(pipe, { FORCE_COLOR: "" })).toBe(true);
    expect(colourEnabled(terminal, { FORCE_COLOR: "0" })).toBe(false);
    expect(colourEnabled(terminal, { FORCE_COLOR: "false" })).toBe(false);
    expect(colourEnabled(pipe, { NO_COLOR: "1", FORCE_COLOR: "1" })).toBe(false);
    expect(palette(pipe, {}).red("x")).toBe("x");
    expect(palette(terminal, {}).red("x")).toBe("\u001b[31mx\u001b[39m");
  });

  it("the built binary writes no escape into a pipe, and colours when FORCE_COLOR asks", async () => {
    const piped = await spawnPiped(["--help"], {});
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain("Usage:");
    expect(piped.stdout).not.toContain(ESCAPE);
    const forced = await spawnPiped(["--help"], { FORCE_COLOR: "1" });
    expect(forced.stdout).toContain(`${ESCAPE}1mUsage:${ESCAPE}22m`);
    const refused = await spawnPiped(["--help"], { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(refused.stdout).not.toContain(ESCAPE);
  });

  it("errors on stderr: plain into a pipe, the label coloured when forced", async () => {
    const piped = await spawnPiped(["products", "list", "--bogus"], {});
    expect(piped.stderr).toMatch(/^Error USAGE_UNKNOWN_OPTION: /);
    expect(piped.stderr).not.toContain(ESCAPE);
    const forced = await spawnPiped(["products", "list", "--bogus"], { FORCE_COLOR: "1" });
    expect(forced.stderr).toContain(`${ESCAPE}31mError USAGE_UNKNOWN_OPTION${ESCAPE}39m: `);
  });
});
