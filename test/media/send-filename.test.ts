import { describe, expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { appTest } from '../helpers/fixture.js';
import { linkSandboxDevice } from '../helpers/sandbox.js';
import { multipartBody, pdf } from './fixtures.js';

const it = appTest();

let pdfId = '';
it.beforeAll(async ({ t }) => {
  await linkSandboxDevice(t, { phone: '+15550003200' });
  const { payload, headers } = multipartBody(pdf(), { filename: 'scan.pdf' });
  const res = await t.request({ method: 'POST', url: '/v1/media', payload, headers });
  expect(res.statusCode, res.body).toBe(201);
  pdfId = res.json<{ id: string }>().id;
});

const sendDocument = (t: TestApp, filename: string) =>
  t.request({
    method: 'POST',
    url: '/v1/messages',
    payload: { to: '+15557773200', type: 'document', media: { id: pdfId }, filename },
  });

// The filename given with a send was taken as written: an uploaded PDF went out named evil.jpg
// (the same PDF uploaded as x.jpg is refused), and "../../x.pdf" was kept with its folders.
describe("a document's filename at send time", () => {
  it('is refused when its extension contradicts the file', async ({ t }) => {
    const res = await sendDocument(t, 'evil.jpg');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'MEDIA_TYPE_MISMATCH' });
  });

  it.for(['../../x.pdf', 'folder/x.pdf', 'C:\\Users\\x.pdf'])(
    'is refused with folders: %s',
    async (filename, { t }) => {
      const res = await sendDocument(t, filename);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [{ field: 'body.filename' }],
      });
    },
  );

  it('is kept when it names the file rightly', async ({ t }) => {
    const res = await sendDocument(t, 'Invoice 42.PDF');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().media).toMatchObject({ filename: 'Invoice 42.PDF', mime: 'application/pdf' });
  });
});
