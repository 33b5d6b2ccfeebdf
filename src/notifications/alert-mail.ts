import type { DeviceAlertRow } from './tables.js';

/** The words of device alerts: short subjects that say which line and what to do. */
function label(row: DeviceAlertRow): string {
  const name = row.device_name ? `"${row.device_name}"` : row.device_id;
  return row.device_phone ? `${name} (${row.device_phone})` : name;
}

function footer(row: DeviceAlertRow, publicUrl: string | undefined): string {
  const lines = [``, `Device: ${row.device_id}`, `Workspace: ${row.workspace_id}`];
  if (publicUrl) lines.push(`Dashboard: ${publicUrl.replace(/\/$/, '')}/`);
  lines.push(``, `You get this because you are an alert recipient of this WAPing workspace.`);
  return lines.join('\n');
}

export function downMail(row: DeviceAlertRow, publicUrl?: string) {
  if (row.reason === 'logged_out') {
    return {
      subject: `WAPing: ${label(row)} was logged out`,
      text: [
        `The WhatsApp session of ${label(row)} was logged out at ${row.down_since}.`,
        `Messages to and from this line stop until it is linked again: open the dashboard and scan a new QR code.`,
        footer(row, publicUrl),
      ].join('\n'),
    };
  }
  return {
    subject: `WAPing: ${label(row)} is disconnected`,
    text: [
      `${label(row)} has been disconnected from WhatsApp since ${row.down_since}.`,
      `WAPing keeps trying to reconnect; messages wait in the queue meanwhile. Check that the phone is on and online.`,
      footer(row, publicUrl),
    ].join('\n'),
  };
}

export function recoveredMail(row: DeviceAlertRow, at: string, publicUrl?: string) {
  return {
    subject: `WAPing: ${label(row)} is connected again`,
    text: [
      `${label(row)} is connected again since ${at} (down since ${row.down_since}).`,
      footer(row, publicUrl),
    ].join('\n'),
  };
}
