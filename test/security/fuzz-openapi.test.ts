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

  it('answers every request as the document says', async () => {
    for (const op of inRunOrder(world.operations)) {
      await world.fuzzer.run(op, world.port);
    }
  }, 120_000);
});
