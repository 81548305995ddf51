import { expectTypeOf, test } from 'vitest';
import { useAddOrgConnection } from './use-add-org-connection';
import { useRemoveOrgConnection } from './use-remove-org-connection';
import { useUpdateOrgConnection } from './use-update-org-connection';

test('the mutation hooks take the view whose rules apply: none is assumed', () => {
  for (const hook of [useAddOrgConnection, useRemoveOrgConnection, useUpdateOrgConnection]) {
    type Options = Parameters<typeof hook>[1];
    expectTypeOf<Options['view']>().toEqualTypeOf<'tenant-admin' | 'org-admin'>();
    // @ts-expect-error without options there is no view
    expectTypeOf(hook).toBeCallableWith('org_1');
    // @ts-expect-error an options object without a view
    expectTypeOf(hook).toBeCallableWith('org_1', {});
  }
});
