import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { otherWorkspace } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { makeDevice, makeMessage } from '../helpers/factories.js';
import { signedIn } from '../dashboard/session.js';

const it = appTest();
const enc = encodeURIComponent;

let deviceA: string;
let deviceB: string;

// One log for every test here: each filter is checked against rows it must and must not match.
it.beforeAll(async ({ t }) => {
  const db = t.app.ctx.db;
  const ws = t.workspaceId;
  deviceA = (await makeDevice(db, { workspace_id: ws, name: 'A' })).id;
  deviceB = (await makeDevice(db, { workspace_id: ws, name: 'B' })).id;
  const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;
  await makeMessage(db, {
    workspace_id: ws,
    body: 'Your order ZX-42 shipped',
    source: 'api',
    device_id: deviceA,
    status: 'sent',
    created_at: at(1),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: 'Hello from the dashboard',
    source: 'dashboard',
    device_id: deviceB,
    status: 'read',
    created_at: at(2),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: 'Thanks! We answer within 1 hour',
    source: 'auto_reply',
    device_id: deviceA,
    status: 'failed',
    created_at: at(3),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: 'Your code is ••••••',
    sealed_body: 'sealed:483920',
    masked: 1,
    source: 'verification',
    device_id: deviceB,
    status: 'delivered',
    created_at: at(4),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: 'where is my ORDER?',
    source: 'inbound',
    direction: 'in',
    status: 'received',
    device_id: deviceA,
    created_at: at(5),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: '=HYPERLINK("http://evil.example","x")',
    source: 'api',
    status: 'queued',
    created_at: at(6),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: 'line one\nline "two", three',
    source: 'api',
    status: 'queued',
    metadata: '{"orderId":"-5"}',
    created_at: at(7),
  });
  await makeMessage(db, {
    workspace_id: ws,
    body: '100% off_today',
    source: 'api',
    status: 'sent',
    created_at: at(8),
  });
});

const bodies = async (t: TestApp, query: string) => {
  const res = await t.request({ method: 'GET', url: `/v1/messages?limit=100&${query}` });
  expect(res.statusCode).toBe(200);
  return (res.json().data as Array<{ body: string }>).map((m) => m.body);
};
const count = async (t: TestApp, query: string) =>
  (await t.request({ method: 'GET', url: `/v1/messages/count?${query}` })).json();

describe('log filters', () => {
  it('filters by source', async ({ t }) => {
    expect(await bodies(t, 'source=auto_reply')).toEqual(['Thanks! We answer within 1 hour']);
    expect(await bodies(t, 'source=dashboard')).toEqual(['Hello from the dashboard']);
    expect(await bodies(t, 'source=verification')).toEqual(['Your code is ••••••']);
    expect(await bodies(t, 'source=inbound')).toEqual(['where is my ORDER?']);
    const bad = await t.request({ method: 'GET', url: '/v1/messages?source=robot' });
    expect(bad.statusCode).toBe(400);
  });

  it('searches the text case-insensitively, within the other filters', async ({ t }) => {
    expect(await bodies(t, 'q=order')).toEqual(['where is my ORDER?', 'Your order ZX-42 shipped']);
    expect(await bodies(t, 'q=order&direction=out')).toEqual(['Your order ZX-42 shipped']);
    expect(await bodies(t, `q=order&deviceId=${deviceA}&source=api`)).toEqual(['Your order ZX-42 shipped']);
    expect(await bodies(t, `q=${enc('zx-42')}`)).toEqual(['Your order ZX-42 shipped']);
  });

  it('reads LIKE wildcards in the search as text', async ({ t }) => {
    expect(await bodies(t, `q=${enc('%')}`)).toEqual(['100% off_today']);
    expect(await bodies(t, `q=${enc('_')}`)).toEqual(['100% off_today']);
    expect(await bodies(t, `q=${enc('0%_o')}`)).toEqual([]);
  });

  it('never finds a one-time code by its digits', async ({ t }) => {
    expect(await bodies(t, 'q=483920')).toEqual([]);
    expect(await count(t, 'q=483920')).toEqual({ total: 0, capped: false });
  });

  // The rows' ids carry the time they were inserted (today), later than their back-dated creation:
  // the id bound `since` adds must not lose them.
  it('filters by a date range, until exclusive', async ({ t }) => {
    const range = `since=${enc('2026-03-02T00:00:00Z')}&until=${enc('2026-03-05T10:00:00Z')}`;
    expect(await bodies(t, range)).toEqual([
      'Your code is ••••••',
      'Thanks! We answer within 1 hour',
      'Hello from the dashboard',
    ]);
  });

  it('refuses a search longer than 100 characters', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: `/v1/messages?q=${'a'.repeat(101)}` });
    expect(res.statusCode).toBe(400);
  });
});

describe('count', () => {
  it('counts what the filters select', async ({ t }) => {
    expect(await count(t, '')).toEqual({ total: 8, capped: false });
    expect(await count(t, 'status=queued')).toEqual({ total: 2, capped: false });
    expect(await count(t, `deviceId=${deviceB}`)).toEqual({ total: 2, capped: false });
    expect(await count(t, 'q=order&source=api')).toEqual({ total: 1, capped: false });
  });

  it("does not count another workspace's messages", async ({ t }) => {
    const other = await otherWorkspace(t);
    const res = await t.request({ method: 'GET', url: '/v1/messages/count', key: other.apiKey });
    expect(res.json()).toEqual({ total: 0, capped: false });
  });
});

/** A small RFC 4180 reader: quoted cells may hold commas, doubled quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
};

describe('CSV export', () => {
  it('streams the filtered log with a header, as an attachment', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/messages/export.csv?source=api' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="messages-\d{8}-\d{6}\.csv"$/);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual([
      'id',
      'createdAt',
      'direction',
      'to',
      'from',
      'status',
      'errorCode',
      'errorMessage',
      'deviceId',
      'source',
      'type',
      'body',
      'mediaFilename',
      'templateId',
      'priority',
      'metadata',
      'updatedAt',
    ]);
    const body = header!.indexOf('body');
    expect(rows.map((r) => r[body])).toEqual([
      '100% off_today',
      'line one\nline "two", three',
      `'=HYPERLINK("http://evil.example","x")`,
      'Your order ZX-42 shipped',
    ]);
    // An E.164 number stays a number; metadata is JSON, its own "-" not at the cell's start.
    expect(rows[0]![header!.indexOf('to')]).toBe('+15550001234');
    expect(rows[1]![header!.indexOf('metadata')]).toBe('{"orderId":"-5"}');
  });

  it('guards every formula start and escapes quotes, commas and line breaks', async () => {
    const { csvCell } = await import('../../src/messages/csv.js');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1 (call)')).toBe("'+1 (call)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('+15551234567')).toBe('+15551234567');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
  });

  it('exports the masked text of a one-time code, never the code', async ({ t }) => {
    const res = await t.request({ method: 'GET', url: '/v1/messages/export.csv?source=verification' });
    expect(res.body).toContain('Your code is ••••••');
    expect(res.body).not.toContain('483920');
  });

  it('reads a log longer than one page in pages, every row once', async ({ t }) => {
    const other = await otherWorkspace(t);
    const { EXPORT_PAGE_SIZE } = await import('../../src/messages/export.js');
    const n = EXPORT_PAGE_SIZE + 3;
    const base = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < n; i++)
      await makeMessage(t.app.ctx.db, {
        workspace_id: other.workspaceId,
        body: `bulk ${i}`,
        created_at: new Date(base + i * 1000).toISOString(),
      });
    const res = await t.request({ method: 'GET', url: '/v1/messages/export.csv', key: other.apiKey });
    const rows = parseCsv(res.body).slice(1);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r[0])).size).toBe(n);
    expect(rows[0]![11]).toBe(`bulk ${n - 1}`);
  });

  it('is open to a viewer, through the session cookie', async ({ t }) => {
    const viewer = await signedIn(t, 'viewer');
    const res = await viewer.request({ method: 'GET', url: '/v1/messages/export.csv?status=failed' });
    expect(res.statusCode).toBe(200);
    expect(parseCsv(res.body)).toHaveLength(2);
    const counted = await viewer.request({ method: 'GET', url: '/v1/messages/count?status=failed' });
    expect(counted.json()).toEqual({ total: 1, capped: false });
  });
});
