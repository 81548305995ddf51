// In Node, as an application imports the packages: every entry point loads with `import` and with `require`
// (Node 20.19+ loads ES modules from `require`), and both give the same module, so a provider and a list reached
// one way each still share React context and `instanceof OrgConnectionsError` holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const expected = {
  '@org-connections/core': [
    'createManagementApiClient',
    'serverRollouts',
    'createMyOrganizationApiClient',
    'OrgConnectionsError',
  ],
  '@org-connections/core/wire': ['wireOrganizationConnectionSchema'],
  '@org-connections/react': ['OrgConnectionsProvider', 'OrgConnectionsList', 'AddConnectionDialog'],
  '@org-connections/react/icons': ['connectionIcons'],
  '@org-connections/testing': ['createFakeTenant', 'createHandlers', 'createFakeFetch'],
  '@org-connections/testing/server': ['createFakeTenantServer'],
  '@org-connections/server': ['createOrgConnectionsHandler', 'toNodeListener'],
  '@org-connections/server/redis': ['createRedisStore'],
  // Loads without bullmq installed (an optional peer): bullmq is imported when a queue is first used.
  '@org-connections/server/bullmq': ['createBullMQRollouts'],
};
// The locale entries the react tarball holds (`dist/locales/<tag>.js`), each a complete messages table.
const locales = JSON.parse(process.env.CONSUMER_LOCALES ?? '[]');
assert.ok(locales.includes('en'), 'the react package has no locales/en entry');
for (const locale of locales) expected[`@org-connections/react/locales/${locale}`] = [];

for (const [specifier, names] of Object.entries(expected)) {
  const imported = await import(specifier);
  const required = require(specifier);
  // The same module instance: every export is the same value either way (`require` of a module with a default
  // export wraps the namespace in an object that adds `__esModule`).
  for (const [name, value] of Object.entries(imported)) {
    assert.ok(required[name] === value, `${specifier}: require and import give different ${name}`);
  }
  assert.ok(Object.keys(imported).length > 0, `${specifier} exports nothing`);
  for (const name of names) assert.ok(imported[name] !== undefined, `${specifier} lacks ${name}`);
  if (specifier.includes('/locales/')) {
    const { defaultMessages } = await import('@org-connections/react');
    const missing = Object.keys(defaultMessages).filter((key) => !(key in imported.messages));
    assert.ok(missing.length === 0, `${specifier} lacks ${missing.join(', ')}`);
  }
  console.log(`  ${specifier}: ${Object.keys(imported).length} exports, the same module from import and require`);
}

const styles = readFileSync(fileURLToPath(import.meta.resolve('@org-connections/react/styles.css')), 'utf8');
assert.match(styles, /@layer org-connections/, 'styles.css is not the components’ stylesheet');
