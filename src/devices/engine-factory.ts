import type { Config } from '../config.js';
import type { Engine, EngineContext } from '../engines/engine.js';
import { SandboxEngine } from '../engines/sandbox/engine.js';
import type { SandboxHub } from '../engines/sandbox/hub.js';

/** Makes a device's engine; the supervisor takes another in tests (an engine the test drives). */
export type EngineFactory = typeof createEngine;

/**
 * The Baileys engine (and Baileys itself, a large module tree) is imported when the first
 * WhatsApp device starts, not at start-up: a node with only sandbox devices never loads it.
 */
export async function createEngine(
  kind: 'sandbox' | 'baileys',
  engineCtx: EngineContext,
  deps: { config: Config; hub: SandboxHub },
): Promise<Engine> {
  if (kind === 'sandbox') return new SandboxEngine(engineCtx, deps.hub);
  const [{ BaileysEngine }, { parseVersion }] = await Promise.all([
    import('../engines/baileys/engine.js'),
    import('../engines/baileys/wa-version.js'),
  ]);
  return new BaileysEngine(engineCtx, {
    wsUrl: deps.config.waWsUrl,
    browserName: deps.config.waBrowser,
    backoff: { baseMs: deps.config.waBackoffBaseMs },
    version: parseVersion(deps.config.waVersion),
  });
}
