import './preview.css';
import '@org-connections/react/styles.css';
import type { Preview } from '@storybook/react-vite';
import { fakeTenantLoader, fakeTenantOf } from './fake-tenant-loader';
import { applyForcedColors, FORCED_COLORS, withForcedColorsHint } from './forced-colors';
import { STORY_LOCALES, setStoryLocale, storyLocaleOf } from './story-locale';
import { withOrgConnectionsProvider } from './with-org-connections-provider';

const preview: Preview = {
  loaders: [fakeTenantLoader],
  beforeEach: async (context) => {
    // Play functions read the story's messages (`storyMessages`), in the story's language.
    const provider = context.parameters.provider;
    setStoryLocale(storyLocaleOf(context.globals), provider ? provider.messages : undefined);
    await applyForcedColors(context.globals);
    return fakeTenantOf(context).unregister;
  },
  decorators: [withOrgConnectionsProvider, withForcedColorsHint],
  // The language of every story, from the toolbar; a story can pin one with `globals: { locale: 'de' }`.
  globalTypes: {
    locale: {
      description: 'Language of the components (the provider’s locale and messages)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: Object.entries(STORY_LOCALES).map(([value, { title }]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
    // Windows high contrast, as Chromium emulates it (the story tests turn the emulation on; by hand, DevTools does).
    forcedColors: {
      description: 'Forced colors (Windows high contrast), light or dark palette',
      toolbar: {
        title: 'Forced colors',
        icon: 'contrast',
        items: Object.entries(FORCED_COLORS).map(([value, title]) => ({ value, title })),
        dynamicTitle: true,
      },
    },
  },
  // English, unless a test run asks for another (vitest.config.ts runs every story in `de` and `ar` too).
  initialGlobals: { locale: (import.meta.env.STORYBOOK_LOCALE as string | undefined) ?? 'en', forcedColors: 'off' },
  parameters: {
    layout: 'padded',
    // Every story is an accessibility test: any axe violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: {
      storySort: {
        order: [
          'Docs',
          ['Getting started', 'Theming', 'Languages', 'Access levels', 'API clients and test kit'],
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
