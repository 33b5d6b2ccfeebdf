import type { AppContext } from '../context.js';
import type { DeviceDispatcher, DispatchTarget } from '../devices/hooks.js';
import { Dispatcher } from './dispatcher.js';
import { Pacer } from './pacer.js';
import { recentSendTimes } from './store.js';
import { dispatchTopic } from './topics.js';

/**
 * The dispatcher of a device that starts running on this node: paced from its sends of the last
 * day, and woken by `dispatch:<deviceId>` whenever a message is queued for it.
 */
export async function createDeviceDispatcher(
  ctx: AppContext,
  target: DispatchTarget,
): Promise<DeviceDispatcher> {
  const pacer = new Pacer(target.pacing);
  pacer.seed(await recentSendTimes(ctx.db, target.id, ctx.clock.now()));
  const dispatcher = new Dispatcher(ctx, {
    id: target.id,
    workspaceId: target.workspaceId,
    engine: target.engine,
    pacer,
    isConnected: target.isConnected,
    presence: () => target.pacing().presence,
    lease: target.lease,
    holdsLease: target.holdsLease,
  });
  let unsubscribe = () => undefined as void;
  return {
    async start() {
      unsubscribe = ctx.bus.subscribe(dispatchTopic(target.id), () => dispatcher.wake());
      await dispatcher.start();
    },
    wake: () => dispatcher.wake(),
    async stop() {
      unsubscribe();
      await dispatcher.stop();
    },
  };
}
