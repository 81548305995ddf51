import { expectTypeOf, test } from 'vitest';
import { messages as ar } from '../locales/ar';
import { messages as de } from '../locales/de';
import { messages as en } from '../locales/en';
import { messages as es } from '../locales/es';
import { messages as fr } from '../locales/fr';
import { messages as ja } from '../locales/ja';
import type { OrgConnectionsMessages } from './messages';

test('every locale is a complete OrgConnectionsMessages', () => {
  for (const messages of [en, de, fr, es, ja, ar]) expectTypeOf(messages).toEqualTypeOf<OrgConnectionsMessages>();
});

test('a locale without a key is not an OrgConnectionsMessages', () => {
  const { save: _save, ...withoutSave } = de;
  // @ts-expect-error `save` is missing
  const incomplete: OrgConnectionsMessages = withoutSave;
  expectTypeOf(incomplete).toEqualTypeOf<OrgConnectionsMessages>();
});
