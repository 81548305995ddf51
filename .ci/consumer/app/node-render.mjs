// On a server, as a Next.js or Remix page would: the list inside the provider rendered to HTML from a cache
// filled beforehand (here by the fake tenant through the Management API client). Every connection of the
// organization is a row, and a hostile name is text, not markup.
import assert from 'node:assert/strict';
import { createManagementApiClient } from '@org-connections/core';
import { OrgConnectionsList, OrgConnectionsProvider, orgConnectionsQueryOptions } from '@org-connections/react';
import { createFakeFetch, createFakeTenant, seedIds, seedNames } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const baseUrl = 'https://tenant.test/api/v2';
const tenant = createFakeTenant();
const api = createManagementApiClient({
  baseUrl,
  getAccessToken: () => tenant.defaultToken,
  fetch: createFakeFetch(tenant, { managementBaseUrl: baseUrl }),
});
const organizationId = seedIds.organizations.acme;
const queryClient = new QueryClient();
const { items: connections } = await queryClient.fetchQuery(orgConnectionsQueryOptions(api, organizationId));
assert.ok(connections.length > 1, 'the fake tenant gave no connections');

const html = renderToString(
  createElement(
    OrgConnectionsProvider,
    { api, queryClient },
    createElement(OrgConnectionsList, { organizationId, view: 'tenant-admin' }),
  ),
);
const asHtmlText = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
// A row goes by the organization's name for the connection, else the connection's own name.
for (const connection of connections) {
  const name = connection.organizationConnectionName || connection.connection.name;
  assert.ok(html.includes(asHtmlText(name)), `the rendered list lacks the row of ${name}`);
}
assert.ok(connections.some((connection) => connection.organizationConnectionName === seedNames.markup));
assert.ok(!html.includes(seedNames.markup), 'a connection name reached the HTML as markup');
console.log(`  renderToString: ${html.length} characters, ${connections.length} connections as rows`);
