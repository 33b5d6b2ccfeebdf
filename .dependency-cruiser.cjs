/**
 * The layers of docs/architecture.md, lowest first. A module may import modules of its own layer
 * and of the layers below; an import that points up, or that closes a cycle, fails `npm run lint`.
 * Type-only imports count too, with one exception: `db/types.ts` adds up each feature's
 * `tables.ts` (declarations only) into the schema type.
 */
const FEATURES =
  'audit|workspaces|channels|devices|media|messages|contacts|inbound|webhooks|notifications|verify|conversations';
/** Edge files inside a feature folder: its route files and the plugin registering them. */
const EDGE_FILES = `^src/(${FEATURES})/([a-z-]*routes|register)\\.ts$`;

const LAYERS = [
  { name: 'foundation', path: '^src/(lib/|db/|config\\.ts$)' },
  { name: 'platform', path: '^src/(events|jobs|cluster)/' },
  { name: 'engines', path: '^src/engines/' },
  { name: 'features', path: `^src/(context\\.ts$|(${FEATURES})/)`, pathNot: EDGE_FILES },
  { name: 'edge', path: `^src/(http|dashboard)/|${EDGE_FILES}` },
  { name: 'composition', path: '^src/(app|server|main|device-hooks)\\.ts$|^src/cli/' },
];

const upward = LAYERS.slice(0, -1).map((layer, i) => {
  const above = LAYERS.slice(i + 1);
  return {
    name: `${layer.name}-imports-no-layer-above`,
    comment: `${layer.name} may not import ${above.map((l) => l.name).join(', ')}`,
    severity: 'error',
    from: {
      path: layer.path,
      ...(layer.pathNot ? { pathNot: layer.pathNot } : {}),
      ...(layer.name === 'foundation' ? { pathNot: '^src/db/types\\.ts$' } : {}),
    },
    to: { path: above.map((l) => l.path).join('|'), pathNot: layer.pathNot ?? '^$' },
  };
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'schema-type-names-tables-only',
      comment: 'db/types.ts may import the tables.ts of features and of the platform, nothing else above it',
      severity: 'error',
      from: { path: '^src/db/types\\.ts$' },
      to: { path: '^src/(?!db/|lib/)', pathNot: '/tables\\.ts$' },
    },
    {
      name: 'engines-have-no-database-and-no-routes',
      comment: 'engines keep durable state through EngineStateStore and serve no HTTP',
      severity: 'error',
      from: { path: '^src/engines/' },
      to: { path: '^src/db/|node_modules/(kysely|pg|better-sqlite3|fastify|@fastify)/' },
    },
    {
      name: 'no-cycles',
      comment:
        'modules that import each other, directly or around a loop, cannot be understood one at a time',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'layers-only',
      comment: 'every module under src/ belongs to a layer',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.map((l) => l.path).join('|') },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
