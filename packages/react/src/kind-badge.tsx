import type { ConnectionKind } from '@org-connections/core';
import type { OrgConnectionsMessages } from './messages';
import { cx } from './theme';

export const kindLabel = (kind: ConnectionKind, messages: OrgConnectionsMessages): string =>
  ({
    database: messages.kindDatabase,
    social: messages.kindSocial,
    enterprise: messages.kindEnterprise,
    passwordless: messages.kindPasswordless,
  })[kind];

export interface KindBadgeProps {
  kind: ConnectionKind;
  messages: OrgConnectionsMessages;
  className?: string | undefined;
}

/** The kind of a connection (database, social, enterprise, passwordless) as a small label. */
export function KindBadge({ kind, messages, className }: KindBadgeProps) {
  return (
    <span data-slot="kind-badge" data-kind={kind} className={cx(className)}>
      {kindLabel(kind, messages)}
    </span>
  );
}
