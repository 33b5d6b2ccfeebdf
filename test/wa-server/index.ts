/**
 * The WhatsApp Web protocol test server (docs/testing.md): an in-process stand-in for WhatsApp's
 * servers that an unmodified Baileys client connects to over loopback `wss://`.
 *
 *   const wa = await startWaServer();
 *   const phone = await wa.phone('+15550100001');           // the line's own phone
 *   const jane = await wa.contact('+15550200001', { receipts: { deliveredAfterMs: 10, readAfterMs: 40 } });
 *   const waping = await startWaping(wa, db);                // a WAPing process wired to it
 *   const deviceId = await linkByQr(waping, phone);          // link through the API, phone scans
 *   await jane.waitForText('hello');                          // after sending through the API
 */
export { startWaServer, PRELOAD_PATH, ROOT_KEY_ENV } from './server.js';
export type { WaServer, WaServerOptions } from './server.js';
export { SimulatedPhone } from './phone.js';
export type { HistoryEntry, PhoneOptions } from './phone.js';
export { SimulatedContact } from './contact.js';
export type { ContactOptions, ContactSendOptions } from './contact.js';
export type { ReceiptPolicy, ReceivedMessage } from './simulated-device.js';
export type { LoginFault } from './faults.js';
export type { LogEntry } from './log.js';
export { TEST_CA_PATH, loopbackServerTls, testCaAgent } from './tls.js';
export {
  UNPACED,
  WAPING_KEY,
  deviceStatus,
  inboundMessage,
  linkByQr,
  messageStatus,
  sendText,
  startWaping,
  timeline,
} from './waping.js';
export type { WapingProcess } from './waping.js';
