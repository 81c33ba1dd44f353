import type { ClientResult } from "../client/result.js";
import type { ConfirmationView } from "./confirm.js";
import type { InstallationIdView } from "./installationId.js";
import type { LicenseFileView } from "./installFile.js";
import type { InstallationIdQr, InstallationIdQrOptions } from "./qr.js";
import type { OfflineRequestOptions, RequestFileView } from "./requestFile.js";

/**
 * Offline activation on the device: by phone (an installation ID read out, a confirmation ID typed back) and
 * by USB (a request file out, a license file in). Part of every `NinshoClient`.
 *
 * @example
 * const { installationId } = await client.installationId(); // read it to the phone page
 * const confirmed = await client.confirm(typedConfirmation);
 * if (!confirmed.ok) console.error(confirmed.problem.message); // "… group 7 has a typo"
 */
export interface OfflineClient {
  /**
   * This machine's installation ID (54 digits, nine checked groups), made from the installed key, the
   * product's number and this machine's fingerprint, and kept in the state folder. The product's offline key
   * comes from the `offline` option, else from the server once, certified with the product's signing key and
   * verified with `publicKeys` (nothing is trusted on first use). Shown again unchanged for a few days.
   */
  installationId(): Promise<ClientResult<{ readonly installationId: InstallationIdView }>>;
  /**
   * The installation ID as a QR code of the phone page's link (`<baseUrl>/activate/phone#iid=<digits>`), for
   * a terminal and as SVG.
   */
  installationIdQr(
    options?: InstallationIdQrOptions,
  ): Promise<ClientResult<{ readonly qr: InstallationIdQr }>>;
  /**
   * Install a confirmation ID as typed (any spaces, hyphens, full-width digits): a typo is named by its group,
   * the signature is checked offline with the product's offline key against the installation IDs this
   * machine made, and the machine is read again. The app then runs on a phone-confirmed lease (lease and
   * grace instants, and the entitlements the confirmation's signed feature bits grant, named by the
   * `offline.phoneFeatures` list the app ships).
   */
  confirm(confirmationId: string): Promise<ClientResult<{ readonly confirmation: ConfirmationView }>>;
  /** Write a request file for USB activation; the private key that opens its sealed answer stays here (0600). */
  offlineRequest(
    options?: OfflineRequestOptions,
  ): Promise<ClientResult<{ readonly requestFile: RequestFileView }>>;
  /** Install a license file (signed, for this product, answering a request of this machine, sealed to it). */
  installLicenseFile(contents: string): Promise<ClientResult<{ readonly licenseFile: LicenseFileView }>>;
}
