import { Resource, type ListQuery } from '../resource.js';
import { seg, type RequestOptions } from '../transport.js';
import type { Device, RequestBody, ResponseBody } from '../types.js';

export type CreateDeviceParams = RequestBody<'/v1/devices', 'post'>;
export type UpdateDeviceParams = RequestBody<'/v1/devices/{id}', 'patch'>;
export type DeviceQr = ResponseBody<'/v1/devices/{id}/qr', 'get'>;

const path = (id: string, rest = '') => `/v1/devices/${seg(id)}${rest}`;

/** WhatsApp devices (linked business numbers) and their linking (docs/api.md, "Devices"). */
export class Devices extends Resource {
  create(params: CreateDeviceParams, options?: RequestOptions): Promise<Device> {
    return this.call({ method: 'POST', path: '/v1/devices', body: params, creates: true, options });
  }

  get(id: string, options?: RequestOptions): Promise<Device> {
    return this.call({ method: 'GET', path: path(id), options });
  }

  list(query?: ListQuery, options?: RequestOptions) {
    return this.paginate<Device>('/v1/devices', query, options);
  }

  update(id: string, params: UpdateDeviceParams, options?: RequestOptions): Promise<Device> {
    return this.call({ method: 'PATCH', path: path(id), body: params, options });
  }

  /** Unlinks and deletes the device; its queued messages are canceled. */
  delete(id: string, options?: RequestOptions): Promise<void> {
    return this.call({ method: 'DELETE', path: path(id), options });
  }

  /** Starts linking (a QR appears) or reconnects a linked device. */
  connect(id: string, options?: RequestOptions): Promise<ResponseBody<'/v1/devices/{id}/connect', 'post'>> {
    return this.call({ method: 'POST', path: path(id, '/connect'), options });
  }

  /** An 8-character code to type on the phone instead of scanning a QR. */
  pairingCode(
    id: string,
    params: RequestBody<'/v1/devices/{id}/pairing-code', 'post'>,
    options?: RequestOptions,
  ): Promise<ResponseBody<'/v1/devices/{id}/pairing-code', 'post'>> {
    return this.call({ method: 'POST', path: path(id, '/pairing-code'), body: params, options });
  }

  /** The QR currently shown: its text, a PNG data URL and when it expires. */
  qr(id: string, options?: RequestOptions): Promise<DeviceQr> {
    return this.call({ method: 'GET', path: path(id, '/qr'), options });
  }

  logout(id: string, options?: RequestOptions): Promise<ResponseBody<'/v1/devices/{id}/logout', 'post'>> {
    return this.call({ method: 'POST', path: path(id, '/logout'), options });
  }
}
