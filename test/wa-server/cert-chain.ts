/**
 * The Noise certificate chain the server hello carries. Baileys asks that the intermediate be
 * signed by `WA_CERT_DETAILS.PUBLIC_KEY` with issuer serial `WA_CERT_DETAILS.SERIAL`, and the leaf
 * by the intermediate's key (lib/Utils/noise-handler.js). The test server plays WhatsApp's CA with
 * its own root key pair; clients under test are given its public half (in process through
 * `installRootKey`, in a WAPing process through preload.mjs).
 *
 * Baileys 7.0.0-rc14's signature check accepts any signature (see signatures.ts and
 * trust.test.ts), so today only the issuer serial is really enforced; the chain is signed properly
 * all the same, so the suite keeps working once Baileys checks it. The leaf's key is the server's
 * static Noise key, as on WhatsApp, although Baileys does not check that binding either. */
import { Curve, proto, WA_CERT_DETAILS } from 'baileys';
import type { KeyPair } from 'baileys';

const INTERMEDIATE_SERIAL = 1;
const LEAF_SERIAL = 2;
const YEAR_S = 365 * 24 * 3600;

export function encodeCertChain(root: KeyPair, serverStaticPublic: Uint8Array): Uint8Array {
  const now = Math.floor(Date.now() / 1000);
  const intermediateKeys = Curve.generateKeyPair();
  const intermediateDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: INTERMEDIATE_SERIAL,
    // The serial Baileys expects of the issuer (WhatsApp's long-term root is serial 0).
    issuerSerial: WA_CERT_DETAILS.SERIAL,
    key: intermediateKeys.public,
    notBefore: now - 3600,
    notAfter: now + YEAR_S,
  }).finish();
  const leafDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: LEAF_SERIAL,
    issuerSerial: INTERMEDIATE_SERIAL,
    key: serverStaticPublic,
    notBefore: now - 3600,
    notAfter: now + YEAR_S,
  }).finish();
  return proto.CertChain.encode({
    intermediate: { details: intermediateDetails, signature: Curve.sign(root.private, intermediateDetails) },
    leaf: { details: leafDetails, signature: Curve.sign(intermediateKeys.private, leafDetails) },
  }).finish();
}

/**
 * Makes Baileys in this process trust `rootPublic` instead of WhatsApp's root, until the returned
 * function restores the original. `WA_CERT_DETAILS` is a plain object Baileys reads at each
 * handshake, so no Baileys code is patched.
 */
export function installRootKey(rootPublic: Uint8Array): () => void {
  const original = WA_CERT_DETAILS.PUBLIC_KEY;
  WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(rootPublic);
  return () => {
    WA_CERT_DETAILS.PUBLIC_KEY = original;
  };
}
