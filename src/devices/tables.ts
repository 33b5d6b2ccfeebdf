import type { Selectable } from 'kysely';

export type DeviceStatus = 'unlinked' | 'connecting' | 'qr' | 'connected' | 'disconnected' | 'logged_out';

export interface DevicesTable {
  id: string;
  workspace_id: string;
  name: string;
  engine: 'sandbox' | 'baileys';
  status: DeviceStatus;
  status_reason: string | null;
  status_changed_at: string;
  /** When it was last connected: set as it connects and as it leaves `connected`; null if never. */
  last_seen_at: string | null;
  phone: string | null;
  display_name: string | null;
  jid: string | null;
  /** JSON: PacingSettings. */
  pacing: string;
  created_at: string;
  updated_at: string;
}

export interface DeviceLeasesTable {
  device_id: string;
  node_id: string;
  /** By the database's clock; a released lease is set to the epoch. */
  expires_at: string;
  /** Goes up each time the lease is taken: the fencing token its holder's writes carry. */
  generation: number;
}

export interface EngineStateTable {
  device_id: string;
  category: string;
  key_id: string;
  /** AES-256-GCM under a key derived from the master key, bound to (device, category, key). */
  value: string;
  updated_at: string;
}

/** Engine state shared by every device of the installation; not secret, stored in clear. */
export interface EngineSharedStateTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DeviceTables {
  devices: DevicesTable;
  device_leases: DeviceLeasesTable;
  engine_state: EngineStateTable;
  engine_shared_state: EngineSharedStateTable;
}

export type DeviceRow = Selectable<DevicesTable>;
