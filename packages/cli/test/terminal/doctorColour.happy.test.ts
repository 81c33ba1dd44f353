import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/device/doctor/render.js";
import type { DoctorReport } from "../../src/device/doctor/report.js";
import { deviceMessagesFor } from "../../src/device/messages/index.js";
import { palette } from "../../src/terminal/colour.js";

const report: DoctorReport = {
  healthy: false,
  checks: [
    { check: "key", outcome: "ok", message: "installed" },
    {
      check: "clock",
      outcome: "fail",
      code: "CLOCK_ROLLBACK",
      message: "set back",
      remedy: "fix it",
      remedyNumber: 1,
    },
  ],
  remedies: [{ number: 1, code: "CLOCK_ROLLBACK", text: "fix it" }],
};

describe("the doctor's outcomes on a terminal", () => {
  const words = deviceMessagesFor("en").doctor;

  it("are coloured, with the columns still aligned as without colour", () => {
    const plain = renderReport(report, words, "heading");
    const coloured = renderReport(report, words, "heading", palette({ isTTY: true }, {}));
    expect(plain.join("\n")).not.toContain("\u001b[");
    expect(coloured.join("\n")).toContain("\u001b[31m");
    expect(coloured.join("\n")).toContain("\u001b[32m");
    const colourCode = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");
    expect(coloured.map((line) => line.replace(colourCode, ""))).toEqual(plain);
  });

  it("stay plain into a pipe, and when NO_COLOR says so", () => {
    expect(renderReport(report, words, "h", palette({ isTTY: false }, {})).join("")).not.toContain("\u001b[");
    expect(
      renderReport(report, words, "h", palette({ isTTY: true }, { NO_COLOR: "1" })).join(""),
    ).not.toContain("\u001b[");
  });
});
