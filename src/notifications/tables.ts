import type { Selectable } from 'kysely';

/** One open incident per device: a row exists while the device is down, alerted or not yet. */
export interface DeviceAlertsTable {
  device_id: string;
  workspace_id: string;
  device_name: string | null;
  device_phone: string | null;
  /** 'disconnected' or 'logged_out'. */
  reason: string;
  down_since: string;
  /** When the alert goes out unless the device is back first; pushed back when the mail server refuses. */
  alert_due_at: string;
  alerted_at: string | null;
  updated_at: string;
}

export interface NotificationTables {
  device_alerts: DeviceAlertsTable;
}

export type DeviceAlertRow = Selectable<DeviceAlertsTable>;
