import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveServer, startLiveServer } from "../../../../testing/liveServer.js";
import { licenseFileFor, offlineDevice } from "./support.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(async () => {
  await server.dispose();
});

/** A machine with a key that wrote a request file, and the license file the vendor's portal made of it. */
async function withLicenseFile(options: { seal?: boolean; machineName?: string; key?: string } = {}) {
  const key = options.key ?? (await server.newLicense()).key;
  const device = await offlineDevice(server, key, { machineName: options.machineName ?? "usb-pc" });
  const written = await device.client.offlineRequest(
    options.seal === undefined ? {} : { seal: options.seal },
  );
  if (!written.ok) throw new Error(written.problem.code);
  const answer = await licenseFileFor(server, written.requestFile.contents);
  if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
  return { ...device, key, requestFile: written.requestFile, answer: answer.body };
}

/** A signed file whose claims were edited (a day more), its signature kept. */
const edited = (jws: string) => {
  const [header, body, signature] = jws.split(".");
  const claims = JSON.parse(Buffer.from(body ?? "", "base64url").toString("utf8")) as { iat: number };
  claims.iat += 86_400;
  return [header, Buffer.from(JSON.stringify(claims)).toString("base64url"), signature].join(".");
};

/** Change one character in the middle of a compact JWS/JWE part. */
const flip = (text: string, part: number) => {
  const parts = text.split(".");
  const target = parts[part] ?? "";
  const at = Math.floor(target.length / 2);
  parts[part] = `${target.slice(0, at)}${target[at] === "A" ? "B" : "A"}${target.slice(at + 1)}`;
  return parts.join(".");
};

describe("USB activation: request file out, license file in", () => {
  it("refuses altered files, files sealed to another machine or answering another request, and garbage", async () => {
    const sealed = await withLicenseFile({ machineName: "usb-a" });
    const plain = await withLicenseFile({ seal: false, machineName: "usb-b" });
    const cases: [string, string, string][] = [
      ["sealed, altered", flip(sealed.answer.licenseFile, 3), "sealed to another machine, or altered"],
      ["sealed, tag altered", flip(sealed.answer.licenseFile, 4), "sealed to another machine, or altered"],
      ["signed, claims edited", edited(plain.answer.licenseFile), "altered"],
      ["signed, signature altered", flip(plain.answer.licenseFile, 2), "altered"],
      ["not a file at all", "hello", "not a Ninsho license file"],
      ["empty", "  \n", "the file is empty"],
    ];
    for (const [what, file, reason] of cases.slice(0, 2)) {
      const result = await sealed.client.installLicenseFile(file);
      expect(!result.ok && result.problem.code, what).toBe("LICENSE_FILE_INVALID");
      expect(!result.ok && result.problem.message, what).toContain(reason);
    }
    for (const [what, file, reason] of cases.slice(2)) {
      const result = await plain.client.installLicenseFile(file);
      expect(!result.ok && result.problem.code, what).toBe("LICENSE_FILE_INVALID");
      expect(!result.ok && result.problem.message, what).toContain(reason);
    }
    // Crossed: each machine gets the other's genuine file.
    const toPlain = await plain.client.installLicenseFile(sealed.answer.licenseFile);
    expect(!toPlain.ok && toPlain.problem.message).toContain("this machine has no key to open it");
    const toSealed = await sealed.client.installLicenseFile(plain.answer.licenseFile);
    expect(!toSealed.ok && toSealed.problem.message).toContain("the request asked for a sealed file");
    const other = await withLicenseFile({ seal: false, machineName: "usb-c" });
    const crossed = await plain.client.installLicenseFile(other.answer.licenseFile);
    expect(!crossed.ok && crossed.problem.message).toContain("it answers another request file");
    for (const device of [sealed, plain]) expect((await device.client.status()).state).toBe("not_activated");
  });
});
