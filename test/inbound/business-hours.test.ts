import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isWithinBusinessHours, type BusinessHours } from '../../src/inbound/business-hours.js';
import {
  createRule,
  customerWrites,
  linkDevice,
  replyText,
  startInboundApp,
  type InboundKit,
} from './kit.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

describe('business hours arithmetic', () => {
  const tokyo: BusinessHours = { timeZone: 'Asia/Tokyo', days: WEEKDAYS, start: '09:00', end: '18:00' };
  it.each([
    ['2025-03-10T00:30:00Z', true, 'Monday 09:30 in Tokyo, still Monday 00:30 in UTC'],
    ['2025-03-09T23:30:00Z', false, 'Monday 08:30 in Tokyo, Sunday in UTC'],
    ['2025-03-14T08:59:00Z', true, 'Friday 17:59 in Tokyo'],
    ['2025-03-14T09:00:00Z', false, 'Friday 18:00 in Tokyo: closed'],
    ['2025-03-15T00:30:00Z', false, 'Saturday in Tokyo'],
  ])('%s → %s (%s)', (at, open) => {
    expect(isWithinBusinessHours(tokyo, new Date(at))).toBe(open);
  });

  it('follows daylight saving time', () => {
    const ny: BusinessHours = { timeZone: 'America/New_York', days: WEEKDAYS, start: '09:00', end: '17:00' };
    expect(isWithinBusinessHours(ny, new Date('2025-03-07T13:30:00Z'))).toBe(false); // 08:30 EST
    expect(isWithinBusinessHours(ny, new Date('2025-03-10T13:30:00Z'))).toBe(true); // 09:30 EDT
  });

  it('an overnight shift belongs to the day it starts on', () => {
    const night: BusinessHours = { timeZone: 'UTC', days: [5], start: '22:00', end: '06:00' };
    expect(isWithinBusinessHours(night, new Date('2025-03-14T23:00:00Z'))).toBe(true); // Fri 23:00
    expect(isWithinBusinessHours(night, new Date('2025-03-15T05:59:00Z'))).toBe(true); // Sat 05:59
    expect(isWithinBusinessHours(night, new Date('2025-03-15T06:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours(night, new Date('2025-03-14T05:00:00Z'))).toBe(false); // Fri early: Thu's shift
  });
});

describe('business hours in rules, with a fixed clock', () => {
  let kit: InboundKit;
  let deviceId: string;
  beforeAll(async () => {
    kit = await startInboundApp();
    deviceId = await linkDevice(kit.t);
  });
  afterEach(async () => {
    await kit.t.app.ctx.db.deleteFrom('auto_reply_rules').execute();
  });
  afterAll(async () => {
    await kit.close();
  });

  const hours = { timeZone: 'Asia/Tokyo', days: WEEKDAYS, start: '09:00', end: '18:00' };

  it('answers inside the hours and sends the away message outside them, in the rule’s zone', async () => {
    await createRule(kit.t, {
      name: 'desk',
      match: { type: 'any' },
      reply: 'An agent will answer shortly.',
      businessHours: { ...hours, awayReply: 'We are closed; we open at 9:00 Tokyo time.' },
    });
    kit.clock.set('2025-03-10T00:30:00Z');
    const open = await customerWrites(kit, deviceId, 'hi', '+15553330001');
    expect(await replyText(kit, open.replyId)).toBe('An agent will answer shortly.');
    kit.clock.set('2025-03-09T23:30:00Z');
    const early = await customerWrites(kit, deviceId, 'hi', '+15553330002');
    expect(await replyText(kit, early.replyId)).toBe('We are closed; we open at 9:00 Tokyo time.');
    kit.clock.set('2025-03-15T03:00:00Z');
    const weekend = await customerWrites(kit, deviceId, 'hi', '+15553330003');
    expect(await replyText(kit, weekend.replyId)).toBe('We are closed; we open at 9:00 Tokyo time.');
  });

  // A full day, 00:00 to 24:00, was refused with "body.businessHours.end must differ from start": the
  // check took 24:00 as 00:00 (minutes of the day, modulo a day), though the hours read it as midnight.
  it('takes 00:00 to 24:00 as the whole day', async () => {
    await createRule(kit.t, {
      name: 'all day',
      match: { type: 'any' },
      reply: 'We are here.',
      businessHours: { ...hours, start: '00:00', end: '24:00', awayReply: 'Weekend: back on Monday.' },
    });
    kit.clock.set('2025-03-09T15:00:00Z'); // Monday 00:00 in Tokyo
    const midnight = await customerWrites(kit, deviceId, 'hi', '+15553330005');
    expect(await replyText(kit, midnight.replyId)).toBe('We are here.');
    kit.clock.set('2025-03-10T14:59:00Z'); // Monday 23:59 in Tokyo
    const late = await customerWrites(kit, deviceId, 'hi', '+15553330006');
    expect(await replyText(kit, late.replyId)).toBe('We are here.');
    kit.clock.set('2025-03-15T03:00:00Z'); // Saturday in Tokyo
    const weekend = await customerWrites(kit, deviceId, 'hi', '+15553330007');
    expect(await replyText(kit, weekend.replyId)).toBe('Weekend: back on Monday.');
  });

  it('a rule without an away message stays out of the way outside its hours', async () => {
    await createRule(kit.t, {
      name: 'desk',
      priority: 1,
      match: { type: 'any' },
      reply: 'desk',
      businessHours: hours,
    });
    const fallback = await createRule(kit.t, {
      name: 'bot',
      priority: 2,
      match: { type: 'any' },
      reply: 'bot',
    });
    kit.clock.set('2025-03-15T03:00:00Z');
    expect(await customerWrites(kit, deviceId, 'hi', '+15553330004')).toMatchObject({ ruleId: fallback });
  });
});
