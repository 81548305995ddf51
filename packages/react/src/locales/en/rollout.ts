import { type ConnectionRolloutMessages, defaultRolloutMessages } from '../../i18n/rollout-messages';

/** English words of the rollout dialog (built in): for an app that switches between languages. */
export const messages: ConnectionRolloutMessages = defaultRolloutMessages;
export default messages;
