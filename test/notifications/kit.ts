import type { FakeSmtpServer, ReceivedMail } from '../channels/helpers.js';
import { emit } from '../webhooks/kit.js';
import type { TestApp } from '../helpers/app.js';

let counter = 0;

/** A device resource as the devices code puts it in `device.*` events. */
export function fakeDevice(name: string) {
  counter += 1;
  const id = `dev_test${Date.now().toString(36)}${counter}`;
  return {
    id,
    name,
    status: 'connected',
    statusReason: null,
    phone: `+1555000${String(counter).padStart(4, '0')}`,
  };
}

export type FakeDevice = ReturnType<typeof fakeDevice>;

export function deviceEvent(
  t: TestApp,
  workspaceId: string,
  device: FakeDevice,
  type: 'device.connected' | 'device.disconnected' | 'device.logged_out',
) {
  const status = type.slice('device.'.length);
  return emit(t, workspaceId, type, { ...device, status }, device.id);
}

/** Mails that name a device (alerts put its id in the text). */
export function mailsAbout(smtp: FakeSmtpServer, device: FakeDevice): ReceivedMail[] {
  return smtp.messages.filter((m) => m.text.includes(device.id));
}
