import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, signV4 } from '../../src/media/sigv4.js';

describe('AWS Signature Version 4', () => {
  it("matches AWS's published example (GET Object with a Range header)", () => {
    // The example in the S3 API reference, "Signature Calculations for the Authorization Header".
    const headers = signV4(
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
        service: 's3',
      },
      {
        method: 'GET',
        path: '/test.txt',
        headers: { range: 'bytes=0-9' },
        payloadHash: EMPTY_SHA256,
        host: 'examplebucket.s3.amazonaws.com',
        now: new Date('2013-05-24T00:00:00Z'),
      },
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});
