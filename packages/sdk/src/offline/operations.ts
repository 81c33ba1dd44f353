import type { ClientResult } from "../client/api.js";
import type { DeviceStore } from "../client/storage/deviceStore.js";
import type { OfflineClient } from "./api.js";
import { type ConfirmationView, confirmOn } from "./confirm.js";
import { finish, type OfflineHost } from "./host.js";
import { type InstallationIdView, makeInstallationId } from "./installationId.js";
import { installLicenseFileOn, type LicenseFileView } from "./installFile.js";
import { type InstallationIdQr, type InstallationIdQrOptions, installationIdQr } from "./qr.js";
import { type OfflineRequestOptions, type RequestFileView, writeOfflineRequest } from "./requestFile.js";
import { RequestBook } from "./requests.js";

/**
 * The offline methods of a client, each run in the client's queue of operations (one at a time) and
 * answered with the status after it.
 *
 * @example
 * const offline = new OfflineOperations(host, store);
 * const { installationId } = await offline.installationId();
 */
export class OfflineOperations implements OfflineClient {
  private readonly book: RequestBook;

  constructor(
    private readonly host: OfflineHost,
    store: DeviceStore,
  ) {
    this.book = new RequestBook(store);
  }

  async installationId(): Promise<ClientResult<{ readonly installationId: InstallationIdView }>> {
    const session = await this.host.session();
    const made = await this.host.serial(() => makeInstallationId(this.host.options, this.host.keys, session));
    const view = made.ok ? { ok: true as const, value: { installationId: made.value.installationId } } : made;
    return finish(this.host, session, view);
  }

  async installationIdQr(
    options: InstallationIdQrOptions = {},
  ): Promise<ClientResult<{ readonly qr: InstallationIdQr }>> {
    const made = await this.installationId();
    if (!made.ok) return made;
    const qr = await installationIdQr(options.baseUrl ?? this.host.options.url, made.installationId);
    return { ok: true, status: made.status, qr };
  }

  async confirm(typed: string): Promise<ClientResult<{ readonly confirmation: ConfirmationView }>> {
    const session = await this.host.session();
    const confirmed = await this.host.serial(() =>
      confirmOn(this.host.options, this.host.keys, session, typed),
    );
    return finish(this.host, session, confirmed);
  }

  async offlineRequest(
    options: OfflineRequestOptions = {},
  ): Promise<ClientResult<{ readonly requestFile: RequestFileView }>> {
    const session = await this.host.session();
    const written = await this.host.serial(() =>
      writeOfflineRequest(this.host.options, session, this.book, options),
    );
    return finish(this.host, session, written);
  }

  async installLicenseFile(
    contents: string,
  ): Promise<ClientResult<{ readonly licenseFile: LicenseFileView }>> {
    const session = await this.host.session();
    const { options, keys, events } = this.host;
    const installed = await this.host.serial(() =>
      installLicenseFileOn(options, keys, session, this.book, events, contents),
    );
    return finish(this.host, session, installed);
  }
}
