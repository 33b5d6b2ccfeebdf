import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CpuProfile } from './inspector.js';

type Frame = CpuProfile['nodes'][number]['callFrame'];

/**
 * The server runs from its bundle (dist/server), where Kysely, the drivers' glue and WAPing's own
 * modules share chunk files; a profile names those chunks. This puts each frame back in the file
 * it came from (src/…, node_modules/…) through the bundle's source maps, so the summary can tell
 * the components apart. Frames without a map (Node's own, natives, external packages) are kept.
 */
export function withOriginalSources(profile: CpuProfile): CpuProfile {
  const maps = new Map<string, { map: SourceMap; dir: string } | null>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      let found: { map: SourceMap; dir: string } | null = null;
      if (url.startsWith('file://')) {
        const file = `${fileURLToPath(url)}.map`;
        if (existsSync(file)) {
          found = { map: new SourceMap(JSON.parse(readFileSync(file, 'utf8'))), dir: dirname(file) };
        }
      }
      maps.set(url, found);
    }
    return maps.get(url) ?? null;
  };
  const original = (frame: Frame & { columnNumber?: number }): Frame => {
    const source = mapOf(frame.url);
    if (!source || frame.lineNumber < 0) return frame;
    const entry = source.map.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!('originalSource' in entry) || !entry.originalSource) return frame;
    const path = entry.originalSource.startsWith('file://')
      ? fileURLToPath(entry.originalSource)
      : resolve(source.dir, entry.originalSource);
    return { ...frame, url: pathToFileURL(path).href, lineNumber: entry.originalLine };
  };
  return { ...profile, nodes: profile.nodes.map((n) => ({ ...n, callFrame: original(n.callFrame) })) };
}
