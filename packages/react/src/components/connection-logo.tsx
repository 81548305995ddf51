import type { ConnectionKind } from '@org-connections/core';
import { useContext } from 'react';
import { OrgConnectionsContext } from './org-connections-provider';
import type { SlotProps } from './theme';

/** One logo: an SVG path, drawn in the text colour (`currentColor`, even-odd fill). */
export interface ConnectionIcon {
  path: string;
  /** Default `0 0 24 24`. */
  viewBox?: string;
}

/**
 * The provider's `icons`: a logo per strategy (`google-oauth2`, `samlp`, ...), else one per kind. The set of
 * `@org-connections/react/icons` is one; without `icons` the components draw none.
 */
export interface OrgConnectionsIcons {
  strategies?: Readonly<Record<string, ConnectionIcon>>;
  kinds?: Readonly<Partial<Record<ConnectionKind, ConnectionIcon>>>;
}

/**
 * A connection's logo from the provider's `icons`, or nothing. Decorative: the connection's name is always read next
 * to it, so it is hidden from assistive technology.
 */
export function ConnectionLogo({
  strategy,
  kind,
  slot,
}: {
  strategy: string;
  kind: ConnectionKind;
  slot: SlotProps<'logo'>;
}) {
  const icons = useContext(OrgConnectionsContext)?.icons;
  const icon = icons?.strategies?.[strategy] ?? icons?.kinds?.[kind];
  return icon ? (
    <svg {...slot('logo')} viewBox={icon.viewBox ?? '0 0 24 24'} aria-hidden="true">
      <path d={icon.path} fill="currentColor" fillRule="evenodd" />
    </svg>
  ) : null;
}
