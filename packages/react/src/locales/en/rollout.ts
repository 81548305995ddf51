import { type ConnectionRolloutMessages, defaultRolloutMessages } from '../../rollout-messages';

/** English words of the rollout dialog (built in): for an app that switches between languages. */
export const messages: ConnectionRolloutMessages = defaultRolloutMessages;
export default messages;
