import { app } from '@azure/functions';

import { getServices } from '../shared/composition';
import { connectionSettings, eventsNotifierSubscription, eventsTopic } from '../shared/contracts/names';
import { handleOutcomeForChat } from '../shared/handlers/chat-notifier.handler';

/** Outcomes of operations asked for in chat, posted back to the conversation (or the channel's webhook). */
app.serviceBusTopic('chatNotifier', {
  connection: connectionSettings.serviceBus,
  topicName: eventsTopic,
  subscriptionName: eventsNotifierSubscription,
  handler: (message, context) => handleOutcomeForChat(getServices(), message, context),
});
