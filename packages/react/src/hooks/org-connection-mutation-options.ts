import type { View } from '@org-connections/core';

/** What the mutation hooks check a change against, before any request. */
export interface OrgConnectionMutationOptions {
  /** Whose rules apply (with the provider's `policy`). Required: no view is assumed. */
  view: View;
}
