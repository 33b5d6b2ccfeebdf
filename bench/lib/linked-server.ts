import { Api } from './api.js';
import { scratchDatabase, type ScratchDatabase } from './databases.js';
import { observe, type Observer } from './observer.js';
import type { BenchContext } from './settings.js';
import { startWaping, type WapingProcess } from './waping-process.js';

/** A fresh WAPing process on a fresh database with one linked sandbox device. */
export interface LinkedServer {
  server: WapingProcess;
  api: Api;
  db: ScratchDatabase;
  deviceId: string;
  observer: Observer;
  close(): Promise<void>;
}

export async function linkedServer(
  bench: BenchContext,
  label: string,
  options: {
    env?: Record<string, string>;
    nodeOptions?: string;
    /** Runs on the scratch database before the server starts (e.g. turning statement logging on). */
    beforeStart?: (db: ScratchDatabase) => Promise<void>;
  } = {},
): Promise<LinkedServer> {
  const db = await scratchDatabase(bench.dialect, label);
  let server: WapingProcess | undefined;
  try {
    await options.beforeStart?.(db);
    server = await startWaping(db, options);
    const api = new Api(server.url, server.headers);
    const device = await api.createDevice('bench');
    await api.link(device.id, '+15550009999');
    const observer = await observe(db);
    const running = server;
    return {
      server,
      api,
      db,
      deviceId: device.id,
      observer,
      async close() {
        await observer.close();
        await running.stop();
        await db.drop();
      },
    };
  } catch (err) {
    await server?.stop();
    await db.drop();
    throw err;
  }
}
