import { hostname } from 'node:os';
import { randomToken } from '../lib/crypto.js';

/** This process's identity in the cluster: leases are held in its name. Unique per start. */
export function makeNodeId(configured?: string): string {
  return configured ?? `${hostname()}-${process.pid}-${randomToken(4)}`;
}
