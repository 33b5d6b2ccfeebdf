import type { AppContext } from '../context.js';
import { lookupThroughDevice } from '../devices/lookup.js';
import { connectedDevices, findDevice } from '../devices/store.js';
import type { DeviceSupervisor } from '../devices/supervisor.js';
import { AppError, notFound } from '../lib/errors.js';
import { findContact, upsertContact } from './store.js';

export interface NumberCheck {
  phone: string;
  onWhatsApp: boolean;
  jid: string | null;
}

/**
 * Whether a number is on WhatsApp, asked through a connected device of the workspace (the one
 * given, else any; one running on this node first, to skip a round trip), wherever it runs. The
 * answer is kept on the contact. With no connected device, a stored answer is better than none.
 */
export async function checkNumber(
  ctx: AppContext,
  supervisor: DeviceSupervisor,
  workspaceId: string,
  phone: string,
  deviceId?: string,
): Promise<NumberCheck> {
  if (deviceId && !(await findDevice(ctx.db, workspaceId, deviceId))) throw notFound('Device');
  const devices = (await connectedDevices(ctx.db, workspaceId)).filter((d) => !deviceId || d.id === deviceId);
  const here = devices.filter((d) => supervisor.isRunning(d.id));
  for (const device of [...here, ...devices.filter((d) => !here.includes(d))]) {
    const found = await lookupThroughDevice(ctx, supervisor, device.id, phone);
    if (!found) continue;
    const now = ctx.clock.now();
    await upsertContact(
      ctx.db,
      workspaceId,
      phone,
      { on_whatsapp: found.onWhatsApp ? 1 : 0, jid: found.jid ?? null, checked_at: now.toISOString() },
      now,
    );
    return { phone, onWhatsApp: found.onWhatsApp, jid: found.jid ?? null };
  }
  const cached = await findContact(ctx.db, workspaceId, phone);
  if (cached && cached.on_whatsapp !== null)
    return { phone, onWhatsApp: cached.on_whatsapp === 1, jid: cached.jid };
  throw new AppError('SESSION_DISCONNECTED', 'No connected device to ask WhatsApp with');
}
