/**
 * Finds Signal or linking key material in text a process printed. Two kinds of evidence:
 * - the shapes key dumps take: libsignal's session entries printed by `console.info` (`privKey`,
 *   `rootKey`, `chainKey`…) and Baileys' credentials (`noiseKey`, `advSecretKey`…);
 * - secrets the test knows the process holds (the ADV secret the phone read from the QR), in every
 *   encoding a log could carry them: hex, base64, Node's `<Buffer …>` and pino's JSON Buffer.
 */
const DUMP_SHAPES: RegExp[] = [
  /\bprivKey\b/,
  /\brootKey\b/,
  /\bchainKey\b/,
  /\bephemeralKeyPair\b/,
  /\bSessionEntry \{/,
  /\bmessageKeys\b/,
  /\bnoiseKey\b/,
  /\bsignedIdentityKey\b/,
  /\badvSecretKey\b/,
  /\bpairingEphemeralKeyPair\b/,
];

function encodings(secret: Buffer): string[] {
  const head = secret.subarray(0, 12);
  return [
    secret.toString('hex'),
    secret.toString('base64'),
    secret.toString('base64url'),
    // How console.log / util.inspect prints a Buffer, and how pino serializes one.
    `<Buffer ${[...head].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
    `"data":[${[...head].join(',')}`,
  ];
}

/** The lines of `lines` that carry key material, each with what gave it away. */
export function findKeyMaterial(lines: string[], secrets: Buffer[] = []): string[] {
  const needles = secrets.flatMap(encodings);
  const found: string[] = [];
  for (const line of lines) {
    const shape = DUMP_SHAPES.find((re) => re.test(line));
    const secret = needles.find((needle) => line.includes(needle));
    if (shape || secret)
      found.push(`${shape ? `shape ${shape.source}` : 'known secret'}: ${line.slice(0, 200)}`);
  }
  return found;
}
