import { nothing } from "../collector.js";
import type { FingerprintSource } from "../source.js";
import type { RawReading } from "../types.js";
import { readTrimmed } from "./sysfs.js";

const DMI = "/sys/class/dmi/id";

/**
 * Board identity from SMBIOS as the kernel exposes it. The files are readable by root only, so an app
 * running as a user gets none of them; that is reported, and the other components carry the match.
 * `linux/1` read the system UUID alone; `linux/2` adds the board and system serials, so a board whose
 * firmware update rewrote the UUID (design story 2) still shares a serial with its stored self.
 *
 * @example
 * await readBoard(source, ["product_uuid", "board_serial", "product_serial"]);
 * // { kind: "board", values: ["4C4C4544-…", "/7XJ5Q13/CN…", "7XJ5Q13"], from: "/sys/class/dmi/id/…" }
 */
export async function readBoard(source: FingerprintSource, files: readonly string[]): Promise<RawReading> {
  const paths = files.map((file) => `${DMI}/${file}`);
  const read = await Promise.all(paths.map((path) => source.readFile(path)));
  const values = read.flatMap((text) => (text === undefined ? [] : [text]));
  if (values.length === 0) {
    return nothing("board", "unreadable", `${paths.join(", ")} could not be read (readable by root only)`);
  }
  return { kind: "board", values, from: paths.join(", ") };
}

/**
 * DMI fields that name the maker and model (readable by everyone), used to recognise virtual machines.
 *
 * @example
 * await readDmiModel(source); // ["QEMU", "Standard PC (Q35 + ICH9, 2009)", "", "SeaBIOS"]
 */
export async function readDmiModel(source: FingerprintSource): Promise<readonly string[]> {
  const fields = ["sys_vendor", "product_name", "board_vendor", "bios_vendor"];
  const read = await Promise.all(fields.map((field) => readTrimmed(source, `${DMI}/${field}`)));
  return read.flatMap((text) => (text === undefined ? [] : [text]));
}
