import { expect } from 'vitest';
import { ChannelError } from '../../src/channels/errors.js';

/** Awaits a send that must fail, and checks its message leaks none of the given secrets. */
export async function expectChannelError(
  promise: Promise<unknown>,
  secrets: readonly string[],
): Promise<ChannelError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ChannelError);
  const channelError = err as ChannelError;
  for (const secret of secrets) expect(channelError.message).not.toContain(secret);
  return channelError;
}
