import type { CpuProfile } from './inspector.js';
import { withOriginalSources } from './source-maps.js';

type Frame = CpuProfile['nodes'][number]['callFrame'];

const has = (stack: Frame[], test: (f: Frame) => boolean) => stack.some(test);
const urlHas =
  (...parts: string[]) =>
  (f: Frame) =>
    parts.some((p) => f.url.includes(p));
/** The nearest frame with a script behind it: natives (url '') are charged to their JS caller. */
const nearestJs = (stack: Frame[]) => stack.find((f) => f.url !== '');

/**
 * One label per sample, from its stack (leaf first). The order matters: a SQLite call made by
 * Kysely is the SQLite engine's time, a log line written from a Fastify hook is logging's.
 */
function categoryOf(stack: Frame[]): string | null {
  const leaf = stack[0]!;
  if (leaf.functionName === '(idle)') return null;
  if (leaf.functionName === '(garbage collector)') return 'GC';
  if (leaf.functionName === '(program)') return 'V8/native, unattributed';
  if (has(stack, urlHas('/pino/', 'sonic-boom', '@pinojs', 'pino-std-serializers')))
    return 'Logging (pino: request lines to stdout)';
  if (
    leaf.url === '' &&
    ['run', 'all', 'get', 'iterate', 'prepare'].includes(leaf.functionName) &&
    nearestJs(stack)?.url.match(/kysely\/dist\/esm\/dialect\/sqlite|src\/db\/|sql-counter/)
  )
    return 'SQLite engine (better-sqlite3, native)';
  // V8 inlines better-sqlite3's calls into this function, which does nothing but call them: its own
  // time is the engine's.
  if (
    leaf.functionName === 'executeQuery' &&
    leaf.url.includes('kysely/dist/esm/dialect/sqlite/sqlite-driver')
  )
    return 'SQLite engine (better-sqlite3, native)';
  if (has(stack, urlHas('/pg/', '/pg-protocol/', '/pg-pool/'))) {
    // A write syscall per statement sent: the part that only fewer round trips can shrink.
    return leaf.url === '' && /^write/.test(leaf.functionName)
      ? 'pg: socket writes (one per statement)'
      : 'pg: protocol, pool and results (JS)';
  }
  if (has(stack, (f) => f.url.includes('/kysely/') && f.functionName === 'compileQuery'))
    return 'Kysely: compiling queries to SQL';
  const kysely = /\/kysely\/dist\/esm\/([^/]+)/.exec(nearestJs(stack)?.url ?? '')?.[1];
  if (kysely) {
    return /^(query-executor|driver|dialect|plugin)$/.test(kysely)
      ? 'Kysely: executing (executor, driver, connections, transactions)'
      : 'Kysely: building queries (builders, parsers, operation nodes)';
  }
  if (
    has(stack, urlHas('fast-json-stringify')) ||
    has(stack, (f) => f.url.includes('fastify/lib/reply.js') && f.functionName === 'serialize')
  )
    return 'Fastify: response serialisation';
  if (has(stack, urlHas('fastify/lib/validation.js')) || /^validate\d*$/.test(leaf.functionName))
    return 'Fastify: body validation (Ajv)';
  if (has(stack, urlHas('secure-json-parse', 'fastify/lib/content-type-parser.js')))
    return 'Fastify: body parsing';
  if (has(stack, urlHas('prom-client'))) return 'Metrics (prom-client)';
  const js = nearestJs(stack);
  const url = js?.url ?? '';
  if (/\/(fastify|find-my-way|avvio|@fastify|light-my-request)\//.test(url))
    return 'Fastify: routing, hooks, reply';
  if (url.includes('/src/')) return `WAPing: ${url.slice(url.indexOf('/src/') + 1)}`;
  if (/^node:(_http|net|internal\/(streams|http|stream_base|net))/.test(url)) return 'Node: HTTP and sockets';
  if (url.startsWith('node:internal/crypto')) return 'Node: crypto';
  if (url.startsWith('node:internal/process') || leaf.functionName === 'runMicrotasks')
    return 'Node: promises and ticks';
  if (url.startsWith('node:')) return `Node: ${url.slice(5).split('/')[0]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  return pkg ? `package: ${pkg}` : 'other';
}

/** Files whose time is also summed inclusively (everything they call synchronously). */
const INCLUSIVE = [
  'src/http/auth.ts',
  'src/http/idempotency.ts',
  'src/messages/send.ts',
  'src/messages/dispatcher.ts',
  'src/messages/status.ts',
  'src/messages/receipts.ts',
  'src/webhooks/',
];

export interface ProfileSummary {
  /** Busy main-thread time per accepted request, in µs. */
  busyUsPerRequest: number;
  categories: Array<{ name: string; share: number; usPerRequest: number }>;
  inclusive: Array<{ name: string; share: number; usPerRequest: number }>;
}

export function summarizeProfile(bundled: CpuProfile, requests: number): ProfileSummary {
  const profile = withOriginalSources(bundled);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackOf = (id: number) => {
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      stack.push(byId.get(at)!.callFrame);
    return stack;
  };
  const categories = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    const stack = stackOf(id);
    const category = categoryOf(stack);
    if (category === null) return;
    busy += us;
    categories.set(category, (categories.get(category) ?? 0) + us);
    for (const file of INCLUSIVE)
      if (stack.some((f) => f.url.includes(`/${file}`))) inclusive.set(file, (inclusive.get(file) ?? 0) + us);
  });
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({
        name,
        share: Math.round((us / busy) * 1000) / 10,
        usPerRequest: Math.round(us / Math.max(1, requests)),
      }));
  return {
    busyUsPerRequest: Math.round(busy / Math.max(1, requests)),
    categories: rows(categories),
    inclusive: rows(inclusive),
  };
}

export function formatSummary(s: ProfileSummary, top = 18): string {
  const line = (r: { name: string; share: number; usPerRequest: number }) =>
    `  ${String(r.share).padStart(5)} %  ${String(r.usPerRequest).padStart(5)} µs  ${r.name}`;
  return [
    `  main thread busy ${s.busyUsPerRequest} µs per accepted message; by component (self time):`,
    ...s.categories.slice(0, top).map(line),
    '  inclusive (the file and what it calls synchronously):',
    ...s.inclusive.map(line),
  ].join('\n');
}
