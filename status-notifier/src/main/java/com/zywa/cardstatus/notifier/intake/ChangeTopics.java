package com.zywa.cardstatus.notifier.intake;

import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.webhook.EventKind;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The topics changes are read from and what each tells: {@code card.status} status changes, {@code card.stalled}
 * stalls. Subscribed to by pattern, so a stall topic that does not exist yet is read from once it is created.
 */
@Component("changeTopics")
public class ChangeTopics {

    private final String statusTopic;
    private final String stalledTopic;

    ChangeTopics(NotifierSettings settings) {
        this.statusTopic = settings.statusTopic();
        this.stalledTopic = settings.stalledTopic();
    }

    /** The pattern the consumer subscribes with: exactly the two topic names. */
    public String pattern() {
        return Pattern.quote(statusTopic) + "|" + Pattern.quote(stalledTopic);
    }

    /** The kind of change a record of {@code topic} tells, or null for a topic that is not one of ours. */
    @Nullable
    EventKind kindOf(String topic) {
        if (topic.equals(statusTopic)) {
            return EventKind.STATUS_CHANGED;
        }
        return topic.equals(stalledTopic) ? EventKind.STALLED : null;
    }
}
