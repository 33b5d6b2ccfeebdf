import { Resource } from '../resource.js';
import type { RequestOptions } from '../transport.js';
import type { AuditEvent, QueryParams } from '../types.js';

export type ListAuditLogQuery = QueryParams<'/v1/audit-log', 'get'>;

/** Who changed what in the workspace, newest first (the `admin` scope; docs/api.md, "Audit log"). */
export class AuditLog extends Resource {
  list(query?: ListAuditLogQuery, options?: RequestOptions) {
    return this.paginate<AuditEvent>('/v1/audit-log', query, options);
  }
}
