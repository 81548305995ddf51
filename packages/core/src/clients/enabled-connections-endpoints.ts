import { validBody } from '../wire/invalid-body-error';
import {
  wireAddEnabledConnectionSchema,
  wireEnabledConnectionSchema,
  wireEnabledConnectionsPageSchema,
  wireEnabledConnectionWriteResponseSchema,
  wireUpdateEnabledConnectionSchema,
} from '../wire/management-api-wire-schemas';
import { fromWireOrganizationConnection, toWireSettings } from '../wire/org-connection-mapper';
import type { HttpClient, HttpRequest } from './http-client';
import type { OrganizationConnectionsEndpoints } from './organization-connections-endpoints';

/**
 * `/organizations/{id}/enabled_connections` (GA): no access level, name or `is_enabled`. Its write answers
 * may leave out even `connection_id`, which is then the one the request named.
 */
export function enabledConnectionsEndpoints(http: HttpClient): OrganizationConnectionsEndpoints {
  async function write(request: HttpRequest, connectionId: string) {
    const wire = await http.request(request, wireEnabledConnectionWriteResponseSchema);
    return fromWireOrganizationConnection({ ...wire, connection_id: wire.connection_id ?? connectionId });
  }
  return {
    family: 'enabled_connections',
    source: "Management API's enabled_connections endpoints",
    async list(request) {
      const answer = await http.request(request, wireEnabledConnectionsPageSchema);
      if (Array.isArray(answer)) return { items: answer.map(fromWireOrganizationConnection) };
      return { items: answer.enabled_connections.map(fromWireOrganizationConnection), total: answer.total };
    },
    async get(request) {
      return fromWireOrganizationConnection(await http.request(request, wireEnabledConnectionSchema));
    },
    async add(request, connectionId, settings) {
      const body = { connection_id: connectionId, ...toWireSettings(settings) };
      return write({ ...request, body: validBody(wireAddEnabledConnectionSchema, body, request.action) }, connectionId);
    },
    async update(request, connectionId, settings) {
      const body = validBody(wireUpdateEnabledConnectionSchema, toWireSettings(settings), request.action);
      return write({ ...request, body }, connectionId);
    },
  };
}
