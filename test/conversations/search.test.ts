import { describe, expect } from 'vitest';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { conversationWith, customerMessage, listConversations } from './kit.js';

const it = appTest();
const enc = encodeURIComponent;

describe('inbox text search (docs/inbox.md, "Search")', () => {
  it('finds a whole number however written, part of a number, a name, and text of an earlier message', async ({
    t,
  }) => {
    const line = await linkSandboxDevice(t, { phone: '+15550009401', name: 'Support' });
    const other = await linkSandboxDevice(t, { phone: '+15550009402', name: 'Sales' });
    await customerMessage(t, line, '+15554440001', 'The blue kettle leaks', 'Zoë Ortega');
    await customerMessage(t, line, '+15554440001', 'Any news?');
    await customerMessage(t, other, '+15554440001', 'Hello sales');
    await customerMessage(t, line, '+15554440002', 'Something else entirely');
    const onLine = await conversationWith(t, '+15554440001', line);
    const onOther = await conversationWith(t, '+15554440001', other);
    const second = await conversationWith(t, '+15554440002', line);
    const ids = async (q: string, more = '') =>
      (await listConversations(t, `q=${enc(q)}${more}`)).data.map((c) => c.id).sort();

    // A whole number, as people write it: its conversations on every line.
    expect(await ids('+1 (555) 444-0001')).toEqual([onLine.id, onOther.id].sort());
    expect(await ids('15554440001', `&deviceId=${line}`)).toEqual([onLine.id]);
    // Part of a number, a name (any case), and a message that is no longer the last one.
    expect(await ids('444000')).toEqual([onLine.id, onOther.id, second.id].sort());
    expect(await ids('ORTEGA')).toEqual([onLine.id]);
    expect(await ids('blue kettle')).toEqual([onLine.id]);
    // The counts count what the search found.
    expect((await listConversations(t, `q=${enc('444000')}`)).counts).toEqual({
      open: 3,
      pending: 0,
      resolved: 0,
    });
    expect(await ids('no such words')).toEqual([]);
  });
});
