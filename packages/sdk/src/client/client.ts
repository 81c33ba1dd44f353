import { type ErrorCode, parseProductKey } from "@ninsho/core";
import type { OfflineClient } from "../offline/api.js";
import { OfflineOperations } from "../offline/operations.js";
import type { ActivateOptions, ClientResult, NinshoClient, ValidateOptions } from "./api.js";
import { ClientEmitter } from "./events.js";
import type { OnlineContext, StepResult } from "./online.js";
import { openDevice } from "./open.js";
import { activateOnline, deactivateOnline, transferOnline, validateOnline } from "./operations.js";
import type { ResolvedOptions } from "./options.js";
import {
  type AccountActivationOptions,
  deviceCodeGrant,
  requestTransferCodeOnline,
  type TransferOptions,
  type TransferProof,
  transferOptionsOnline,
} from "./ownership.js";
import { explain, type ProblemSeed, seed } from "./problem.js";
import type { KeySet } from "./publicKeys.js";
import type { Session, Verdict } from "./session.js";
import { StatusBuilder } from "./statusView.js";
import type { DeviceStore } from "./storage/deviceStore.js";
import { RecordedStore } from "./storage/recordedStore.js";
import type { ClientEvents, ClientState, ClientStatus } from "./types.js";

const noop = () => undefined;

/**
 * The implementation behind `createClient`. State is loaded on first use and kept in memory.
 *
 * @example
 * const client: NinshoClient = new Client(resolveOptions(options), new KeySet(options.publicKeys, options.productId));
 */
export class Client implements NinshoClient {
  private readonly store: DeviceStore;
  private readonly events = new ClientEmitter();
  private readonly statuses: StatusBuilder;
  private session: Session | undefined;
  private loading: Promise<Session> | undefined;
  private context: OnlineContext | undefined;
  /** Online operations run one at a time, so answers are applied in the order they were asked for. */
  private chain: Promise<unknown> = Promise.resolve();
  private background: Promise<void> | undefined;
  private published: { state: ClientState; code: ErrorCode | undefined } | undefined;
  private closed = false;
  private readonly offline: OfflineOperations;

  constructor(
    private readonly o: ResolvedOptions,
    private readonly keys: KeySet,
  ) {
    this.store = new RecordedStore(o.storageDir, o.productId, keys, o.recordDir);
    this.statuses = new StatusBuilder(o.locale, o.productId);
    const host = { options: o, keys, events: this.events, session: () => this.ready() };
    this.offline = new OfflineOperations(
      { ...host, serial: (op) => this.serial(op), publish: (s) => this.publish(s, this.o.now()) },
      this.store,
    );
  }

  installationId: OfflineClient["installationId"] = () => this.offline.installationId();
  installationIdQr: OfflineClient["installationIdQr"] = (options) => this.offline.installationIdQr(options);
  confirm: OfflineClient["confirm"] = (typed) => this.offline.confirm(typed);
  offlineRequest: OfflineClient["offlineRequest"] = (options) => this.offline.offlineRequest(options);
  installLicenseFile: OfflineClient["installLicenseFile"] = (text) => this.offline.installLicenseFile(text);

  private ready(): Promise<Session> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load(): Promise<Session> {
    const { session, context } = await openDevice(this.o, this.keys, this.store, this.events);
    this.context = context;
    this.session = session;
    return session;
  }

  private ctx(): OnlineContext {
    if (!this.context) throw new Error("unreachable: the context exists once the session is loaded");
    return this.context;
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.chain.then(operation);
    this.chain = run.catch(noop);
    return run;
  }

  /**
   * Whether there is anything the server could do for this machine right now. A phone-confirmed machine is
   * offline by choice: only `validate({ online: "force" })` or `activate()` take it online. Without a lease,
   * going online means activating, which may take a slot: with `autoActivate: false` only `activate()` does.
   */
  private canGoOnline(session: Session, force = false): boolean {
    if (this.keys.empty) return false;
    if (session.lease) return true;
    if (session.phone && !force) return false;
    if (session.state.key === undefined || !this.o.autoActivate) return false;
    const { deviceId, releasedAt } = session.state;
    // A machine activated before (its lease lost or damaged) is recognised by the server: no new slot taken.
    if (deviceId !== undefined || session.stateProblem || session.leaseProblem) return true;
    return releasedAt === undefined;
  }

  /** Refresh with the lease, or (no usable lease) activate with the key: the server recognises this machine. */
  private goOnline(force = false): Promise<unknown> {
    const session = this.session;
    if (!session || !this.canGoOnline(session, force)) return Promise.resolve();
    if (session.lease) return validateOnline(this.ctx());
    return activateOnline(this.ctx(), session.state.key ?? "");
  }

  private refreshInBackground(): void {
    if (this.background || this.closed) return;
    this.background = this.serial(() => this.goOnline())
      .catch(noop)
      .then(() => {
        this.background = undefined;
        if (this.session) this.publish(this.session, this.o.now());
      });
  }

  async validate(options: ValidateOptions = {}): Promise<ClientStatus> {
    const session = this.session ?? (await this.ready());
    const now = this.o.now();
    const verdict = session.judge(now);
    session.observeLocalTime(now);
    const mode = options.online ?? "auto";
    if (mode === "never" || this.closed || !this.canGoOnline(session, mode === "force"))
      return this.publish(session, now, verdict);
    if (mode === "auto" && session.dueAt(verdict.state === "clock_rollback") > now)
      return this.publish(session, now, verdict);
    if (mode === "auto" && verdict.valid) {
      this.refreshInBackground();
      return this.publish(session, now, verdict);
    }
    if (this.background && mode === "auto") await this.background;
    else await this.serial(() => this.goOnline(mode === "force")).catch(noop);
    return this.publish(session, this.o.now());
  }

  async status(): Promise<ClientStatus> {
    const session = this.session ?? (await this.ready());
    const now = this.o.now();
    const status = this.publish(session, now);
    session.observeLocalTime(now);
    return status;
  }

  async installKey(input: string): Promise<ClientResult> {
    const session = await this.ready();
    const parsed = parseProductKey(input);
    if (!parsed.ok)
      return this.failed(session, seed(parsed.error.code, parsed.error.params, parsed.error.details));
    await this.serial(() => session.setKey(parsed.value, { kind: "installed" }));
    return { ok: true, status: this.publish(session, this.o.now()) };
  }

  async uninstallKey(): Promise<ClientStatus> {
    const session = await this.ready();
    await this.serial(() => session.forget());
    return this.publish(session, this.o.now());
  }

  async activate(options: ActivateOptions = {}): Promise<ClientResult<{ readonly decision: unknown }>> {
    const session = await this.ready();
    const key = session.state.key;
    if (key === undefined) return this.failed(session, session.keyProblem?.seed ?? seed("KEY_NOT_INSTALLED"));
    if (this.keys.empty) return this.failed(session, seed("PUBLIC_KEYS_MISSING"));
    return this.finish(session, await this.serial(() => activateOnline(this.ctx(), key, options)));
  }

  async entitled(feature: string): Promise<boolean> {
    const status = await this.status();
    return status.valid && (status.entitlements ?? []).includes(feature);
  }

  async deactivate(): Promise<ClientResult<{ readonly deviceId: string; readonly deactivatedAt: string }>> {
    const session = await this.ready();
    if (this.keys.empty) return this.failed(session, seed("PUBLIC_KEYS_MISSING"));
    if (!session.lease) return this.failed(session, seed("NOT_ACTIVATED"));
    return this.finish(session, await this.serial(() => deactivateOnline(this.ctx())));
  }

  async transfer(
    fromDeviceId: string,
    proof?: TransferProof,
  ): Promise<ClientResult<{ readonly deviceId: string; readonly transfersLeft: number }>> {
    return this.withKey((session, key) =>
      this.serial(() => transferOnline(this.ctx(), key, fromDeviceId, proof)).then((r) =>
        this.finish(session, r),
      ),
    );
  }

  requestTransferCode(): Promise<ClientResult<{ readonly to: string; readonly expiresAt: string }>> {
    return this.withKey(async (session, key) =>
      this.finish(session, await requestTransferCodeOnline(this.ctx(), key)),
    );
  }

  transferOptions(): Promise<ClientResult<{ readonly options: TransferOptions }>> {
    return this.withKey(async (session, key) => {
      const shown = await transferOptionsOnline(this.ctx(), key);
      return this.finish(session, shown.ok ? { ok: true, value: { options: shown.value } } : shown);
    });
  }

  async activateWithAccount(
    options: AccountActivationOptions,
  ): Promise<ClientResult<{ readonly decision: unknown; readonly licenseId: string }>> {
    const session = await this.ready();
    if (this.keys.empty) return this.failed(session, seed("PUBLIC_KEYS_MISSING"));
    const grant = await deviceCodeGrant(this.ctx(), options);
    if (!grant.ok) return this.finish(session, grant);
    const installed = await this.installKey(grant.value.key);
    if (!installed.ok) return installed;
    const activated = await this.activate();
    return activated.ok ? { ...activated, licenseId: grant.value.licenseId } : activated;
  }

  /** Run an online step that needs the installed key (KEY_NOT_INSTALLED, PUBLIC_KEYS_MISSING otherwise). */
  private async withKey<T extends object>(
    step: (session: Session, key: string) => Promise<ClientResult<T>>,
  ): Promise<ClientResult<T>> {
    const session = await this.ready();
    const key = session.state.key;
    if (key === undefined) return this.failed(session, session.keyProblem?.seed ?? seed("KEY_NOT_INSTALLED"));
    if (this.keys.empty) return this.failed(session, seed("PUBLIC_KEYS_MISSING"));
    return step(session, key);
  }

  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  off<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): void {
    this.events.off(event, listener);
  }

  async idle(): Promise<void> {
    do {
      await this.background;
      await this.chain;
      await this.store.idle();
    } while (this.background);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }

  private finish<T extends object>(session: Session, result: StepResult<T>): ClientResult<T> {
    const status = this.publish(session, this.o.now());
    return result.ok
      ? { ok: true, status, ...result.value }
      : { ok: false, problem: explain(result.seed, this.o.locale), status };
  }

  private failed(
    session: Session,
    problem: ProblemSeed,
  ): { ok: false; problem: ReturnType<typeof explain>; status: ClientStatus } {
    return {
      ok: false,
      problem: explain(problem, this.o.locale),
      status: this.publish(session, this.o.now()),
    };
  }

  /** Build the status and tell listeners when its state or code changed. */
  private publish(session: Session, now: number, verdict: Verdict = session.judge(now)): ClientStatus {
    const status = this.statuses.build(session, verdict, now, this.store.lastWriteError);
    const previous = this.published;
    if (previous?.state !== status.state || previous.code !== status.code) {
      this.published = { state: status.state, code: status.code };
      this.events.emit("state", status, previous?.state);
    }
    return status;
  }
}
