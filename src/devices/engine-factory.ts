import type { Config } from '../config.js';
import { BaileysEngine } from '../engines/baileys/engine.js';
import { parseVersion } from '../engines/baileys/wa-version.js';
import type { Engine, EngineContext } from '../engines/engine.js';
import { SandboxEngine } from '../engines/sandbox/engine.js';
import type { SandboxHub } from '../engines/sandbox/hub.js';

export function createEngine(
  kind: 'sandbox' | 'baileys',
  engineCtx: EngineContext,
  deps: { config: Config; hub: SandboxHub },
): Engine {
  if (kind === 'sandbox') return new SandboxEngine(engineCtx, deps.hub);
  return new BaileysEngine(engineCtx, {
    wsUrl: deps.config.waWsUrl,
    browserName: deps.config.waBrowser,
    backoff: { baseMs: deps.config.waBackoffBaseMs },
    version: parseVersion(deps.config.waVersion),
  });
}
