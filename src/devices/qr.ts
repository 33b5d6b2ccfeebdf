import QRCode from 'qrcode';

export async function qrPng(raw: string): Promise<Buffer> {
  return QRCode.toBuffer(raw, { type: 'png', errorCorrectionLevel: 'L', margin: 2, width: 320 });
}

export async function qrDataUrl(raw: string): Promise<string> {
  return QRCode.toDataURL(raw, { errorCorrectionLevel: 'L', margin: 2, width: 320 });
}

export async function qrTerminal(raw: string): Promise<string> {
  return QRCode.toString(raw, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}
