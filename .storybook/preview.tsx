import './preview.css';
import '@org-connections/react/styles.css';
import type { Preview } from '@storybook/react-vite';
import { fakeTenantLoader, fakeTenantOf } from './fake-tenant-loader';
import { withOrgConnectionsProvider } from './with-org-connections-provider';

const preview: Preview = {
  loaders: [fakeTenantLoader],
  beforeEach: (context) => fakeTenantOf(context).unregister,
  decorators: [withOrgConnectionsProvider],
  parameters: {
    layout: 'padded',
    // Every story is an accessibility test: any axe violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: {
        order: [
          'Docs',
          ['Getting started', 'Theming', 'Access levels', 'API clients and test kit'],
          'OrgConnectionsList',
          'AddConnectionDialog',
          'AccessLevelSelect',
          'Recipes',
        ],
      },
    },
  },
};

export default preview;
