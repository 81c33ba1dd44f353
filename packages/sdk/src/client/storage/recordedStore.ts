import type { KeySet } from "../publicKeys.js";
import { DeviceStore, type LoadedDevice } from "./deviceStore.js";
import { reconcileRecord } from "./recordReconcile.js";
import type { StoredState } from "./stateFile.js";
import { recordOf, VerdictRecords } from "./verdictRecord.js";

/**
 * A state folder whose verdicts and clock marks are also kept in a record outside it (`VerdictRecords`): every
 * state written is recorded there first, in the same queue, and every load takes the newest and strictest of
 * the two (`reconcileRecord`).
 *
 * @example
 * const store = new RecordedStore(storageDir, productId, keys, defaultRecordDir(process.platform));
 * const loaded = await store.load(); // a deleted state.json still holds the verdict the record kept
 */
export class RecordedStore extends DeviceStore {
  private readonly records: VerdictRecords;

  constructor(dir: string, productId: string, keys: KeySet, recordDir: string) {
    super(dir, productId, keys);
    this.records = new VerdictRecords(recordDir, productId, dir);
  }

  override async load(): Promise<LoadedDevice> {
    const [loaded, read] = await Promise.all([super.load(), this.records.read()]);
    return reconcileRecord(loaded, read);
  }

  /** The record first: a crash between the two writes leaves the record the newer, never the state file. */
  override saveState(state: StoredState): Promise<void> {
    const record = recordOf(state, this.productId);
    let failure: string | undefined;
    this.enqueue(() => this.records.write(record)).catch((error: unknown) => {
      failure = `verdict record: ${error instanceof Error ? error.message : String(error)}`;
    });
    // The state file is still written when the record is not: the next state written records again.
    return super.saveState(state).then(() => {
      if (failure === undefined) return;
      this.lastWriteError = failure;
      throw new Error(failure);
    });
  }
}
