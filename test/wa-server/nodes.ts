/** Small helpers for reading and building the binary stanzas (XMPP-like nodes) of the protocol. */
import { getBinaryNodeChild, getBinaryNodeChildren } from 'baileys';
import type { BinaryNode } from 'baileys';

export const SERVER_JID = 's.whatsapp.net';

export const child = (node: BinaryNode | undefined, tag: string): BinaryNode | undefined =>
  getBinaryNodeChild(node, tag);

export const children = (node: BinaryNode | undefined, tag: string): BinaryNode[] =>
  getBinaryNodeChildren(node, tag);

/** All element children (skips raw content). */
export const elements = (node: BinaryNode | undefined): BinaryNode[] =>
  Array.isArray(node?.content) ? node.content : [];

/** Binary content of a node (or of its child `tag`), as a Buffer. */
export function bytesOf(node: BinaryNode | undefined, tag?: string): Buffer | undefined {
  const target = tag ? child(node, tag) : node;
  const content = target?.content;
  if (content instanceof Uint8Array) return Buffer.from(content);
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return undefined;
}

/** Text content of a node (or of its child `tag`). */
export function textOf(node: BinaryNode | undefined, tag?: string): string | undefined {
  return bytesOf(node, tag)?.toString('utf8');
}

/** Big-endian unsigned integer content (registration ids, key ids). */
export function uintOf(node: BinaryNode | undefined, tag?: string): number | undefined {
  const bytes = bytesOf(node, tag);
  if (!bytes || bytes.length === 0 || bytes.length > 6) return undefined;
  return bytes.readUIntBE(0, bytes.length);
}

export function uintBytes(value: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  out.writeUIntBE(value, 0, length);
  return out;
}

export function node(
  tag: string,
  attrs: Record<string, string | undefined> = {},
  content?: BinaryNode['content'],
): BinaryNode {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) clean[k] = v;
  return content === undefined ? { tag, attrs: clean } : { tag, attrs: clean, content };
}

export function iqResult(iq: BinaryNode, content?: BinaryNode[]): BinaryNode {
  return node('iq', { from: iq.attrs.to ?? SERVER_JID, type: 'result', id: iq.attrs.id }, content);
}

export function iqError(iq: BinaryNode, code: number, text: string): BinaryNode {
  return node('iq', { from: iq.attrs.to ?? SERVER_JID, type: 'error', id: iq.attrs.id }, [
    node('error', { code: String(code), text }),
  ]);
}

export const unixNow = (): string => String(Math.floor(Date.now() / 1000));
