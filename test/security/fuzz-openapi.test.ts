import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_RUNS, FUZZ_SEED } from './fuzz/harness.js';
import { fuzzWorld, inRunOrder, type FuzzWorld } from './fuzz/fixture.js';

// Every operation of /openapi.json, fuzzed (see fuzz/harness.ts for what is checked and how to
// change the seed or the run count).
let world: FuzzWorld;

beforeAll(async () => {
  world = await fuzzWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe(`fuzzing every operation (seed ${FUZZ_SEED}, ${FUZZ_RUNS} runs each)`, () => {
  it('covers every operation the document lists', () => {
    expect(world.operations.length).toBeGreaterThan(60);
  });

  it(
    'answers every request as the document says',
    async () => {
      for (const op of inRunOrder(world.operations)) {
        await world.fuzzer.run(op, world.port);
      }
      const reached = [...world.fuzzer.seen.values()].filter((c) => [...c.keys()].some((s) => s < 300));
      if (process.env.WAPING_FUZZ_STATS) {
        for (const [name, counts] of world.fuzzer.seen)
          process.stderr.write(`${name}: ${JSON.stringify(Object.fromEntries(counts))}\n`);
      }
      // Most operations must get past validation at least once, or the runs test nothing but 400s.
      expect(reached.length).toBeGreaterThan(world.operations.length / 2);
    },
    60_000 + FUZZ_RUNS * 6_000,
  ); // more runs (WAPING_FUZZ_RUNS) get more time
});
