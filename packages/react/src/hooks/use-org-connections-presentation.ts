import { useContext, useMemo } from 'react';
import { OrgConnectionsContext } from '../components/org-connections-provider';
import {
  type ClassNames,
  mergeThemes,
  type OrgConnectionsTheme,
  type RootProps,
  type SlotProps,
  slotProps,
  themeRootProps,
} from '../components/theme';
import { localeDirection, type MessageFormat, messageFormat } from '../i18n/message-format';
import { defaultMessages, mergeMessages, type OrgConnectionsMessages } from '../i18n/messages';

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

/**
 * A component's presentation, what its parts render with: theme, words, locale formats and slot props, its own props
 * applied over the provider's.
 */
export interface OrgConnectionsPresentation<Slot extends string> {
  theme: OrgConnectionsTheme;
  messages: OrgConnectionsMessages;
  locale: string | undefined;
  /** Numbers, plurals and lists for the locale: the last argument of a message with a count. */
  format: MessageFormat;
  unstyled: boolean | undefined;
  /**
   * Spread on the component root, and on portalled content (which sits outside the root): the theme, and with a
   * `locale` its `lang` and `dir` (a right-to-left locale mirrors the layout).
   */
  rootProps: RootProps;
  classNames: ClassNames<Slot> | undefined;
  slot: SlotProps<Slot>;
}

/**
 * The provider's theme, messages and locale with the component's own applied; the defaults outside a
 * provider (components that need the data source get it from `useOrgConnectionsContext`, which insists).
 */
export function useOrgConnectionsPresentation<Slot extends string>({
  theme,
  classNames,
  unstyled,
  messages,
}: OrgConnectionsComponentProps<Slot>): OrgConnectionsPresentation<Slot> {
  const context = useContext(OrgConnectionsContext);
  return useMemo(() => {
    const mergedTheme = mergeThemes(context?.theme, theme);
    const locale = context?.locale;
    return {
      theme: mergedTheme,
      // The provider's messages are complete already; a part given the messages its parent resolved (the list's
      // access level select in each row) takes them as they are instead of copying every key again.
      messages:
        messages === undefined || messages === context?.messages
          ? (context?.messages ?? defaultMessages)
          : mergeMessages(context?.messages, messages),
      locale,
      format: messageFormat(locale),
      unstyled,
      rootProps: { ...themeRootProps(mergedTheme, unstyled), lang: locale, dir: localeDirection(locale) },
      classNames,
      slot: slotProps(classNames),
    };
  }, [context, theme, classNames, unstyled, messages]);
}
