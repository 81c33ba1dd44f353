export { discoverRelay, RELAY_SRV_SERVICE, type RelayLocation } from "./discover.js";
export {
  createRelayClient,
  type RelayClient,
  type RelayClientOptions,
  type RelayHeld,
  type RelayStatus,
} from "./relayClient.js";
