import { useMemo } from 'react';
import { mergeMessages, type OrgConnectionsMessages } from './messages';
import { type OrgConnectionsContextValue, useOrgConnectionsContext } from './org-connections-provider';
import { type ClassNames, mergeThemes, type OrgConnectionsTheme, type RootProps, themeRootProps } from './theme';

/** The styling and wording props every component takes. */
export interface OrgConnectionsComponentProps<Slot extends string> {
  /** Tokens over the provider's theme. */
  theme?: OrgConnectionsTheme;
  /** A class per part (`data-slot`), applied after the library's own. */
  classNames?: ClassNames<Slot>;
  /** Leaves out the library's styles; `data-slot` and state attributes stay. */
  unstyled?: boolean;
  /** Strings over the provider's messages. */
  messages?: Partial<OrgConnectionsMessages>;
}

export interface OrgConnectionsComponent extends OrgConnectionsContextValue {
  /** Spread on the component root, and on portalled content (which sits outside the root). */
  rootProps: RootProps;
}

/** The provider's context with the component's own theme and messages applied. */
export function useOrgConnectionsComponent({
  theme,
  unstyled,
  messages,
}: OrgConnectionsComponentProps<string>): OrgConnectionsComponent {
  const context = useOrgConnectionsContext();
  return useMemo(() => {
    const mergedTheme = mergeThemes(context.theme, theme);
    return {
      ...context,
      theme: mergedTheme,
      messages: messages ? mergeMessages(context.messages, messages) : context.messages,
      rootProps: themeRootProps(mergedTheme, unstyled),
    };
  }, [context, theme, unstyled, messages]);
}
