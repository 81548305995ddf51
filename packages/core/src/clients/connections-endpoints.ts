import { validBody } from '../wire/invalid-body-error';
import {
  wireCreateOrganizationConnectionSchema,
  wireOrganizationConnectionSchema,
  wireOrganizationConnectionsPageSchema,
  wireUpdateOrganizationConnectionSchema,
} from '../wire/management-api-wire-schemas';
import { fromWireOrganizationConnection, toWireSettings } from '../wire/org-connection-mapper';
import type { HttpClient } from './http-client';
import type { OrganizationConnectionsEndpoints } from './organization-connections-endpoints';

/** `/organizations/{id}/connections` (Early Access): every setting, with the access level, name and `is_enabled`. */
export function connectionsEndpoints(http: HttpClient): OrganizationConnectionsEndpoints {
  return {
    family: 'connections',
    source: 'Management API',
    async list(request) {
      const answer = await http.request(request, wireOrganizationConnectionsPageSchema);
      if (Array.isArray(answer)) return { items: answer.map(fromWireOrganizationConnection) };
      return {
        items: answer.connections.map(fromWireOrganizationConnection),
        total: answer.total,
        ...(answer.login_prompt !== undefined && { loginPrompt: { state: answer.login_prompt.state } }),
      };
    },
    async get(request) {
      return fromWireOrganizationConnection(await http.request(request, wireOrganizationConnectionSchema));
    },
    async add(request, connectionId, settings) {
      const body = { connection_id: connectionId, ...toWireSettings(settings) };
      const sent = { ...request, body: validBody(wireCreateOrganizationConnectionSchema, body, request.action) };
      return fromWireOrganizationConnection(await http.request(sent, wireOrganizationConnectionSchema));
    },
    async update(request, _connectionId, settings) {
      const body = validBody(wireUpdateOrganizationConnectionSchema, toWireSettings(settings), request.action);
      return fromWireOrganizationConnection(await http.request({ ...request, body }, wireOrganizationConnectionSchema));
    },
  };
}
