import { defaultMessages, type OrgConnectionsMessages } from '../i18n/messages';

/** English: the built-in messages, for an app that switches between languages. */
export const messages: OrgConnectionsMessages = defaultMessages;
export default messages;
