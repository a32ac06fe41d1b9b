package com.zywa.cardstatus.ingest.publish;

import com.zywa.cardstatus.contract.CardCommand;
import com.zywa.cardstatus.contract.CardEvent;
import com.zywa.cardstatus.contract.RejectedRow;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.contract.Topics;
import java.util.function.Consumer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes one batch of events (a file, or one partner request) in a single Kafka transaction: events to the
 * topic of their type keyed by card ID, rejected rows to {@link Topics#REJECTS}. Either all of it becomes
 * visible to read-committed consumers, or none of it does. Events carry their phones sealed ({@link PhoneSealing}),
 * never in clear (contract §12).
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, Object> kafka;

    EventPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** Runs {@code work} inside one transaction; throws (and aborts) if anything could not be published. */
    public void inTransaction(Consumer<Batch> work) {
        kafka.executeInTransaction(operations -> {
            work.accept(new Batch(operations));
            return null;
        });
    }

    /**
     * Commits an empty transaction. Its producer takes a transactional ID that a stopped process of this instance may
     * have left mid-transaction, which fences and aborts that transaction: read-committed consumers (the fold) stop
     * waiting for it now, not at the broker's transaction timeout.
     */
    public void fence() {
        inTransaction(batch -> {});
    }

    /**
     * Runs {@code work} in the Kafka transaction a listener container began (consume-transform-produce: the container
     * adds the consumed offsets to it and commits, or aborts and redelivers); throws if there is none.
     */
    public void inContainerTransaction(Consumer<Batch> work) {
        if (!kafka.inTransaction()) {
            throw new IllegalStateException(
                    "no Kafka transaction is active; a transactional listener container " + "must call this");
        }
        work.accept(new Batch(kafka));
    }

    /** The sends available inside a transaction. */
    public static final class Batch {

        private final KafkaOperations<String, Object> operations;

        private Batch(KafkaOperations<String, Object> operations) {
            this.operations = operations;
        }

        /** Sends an event; its phone, if any, must be sealed ({@link PhoneSealing}): a clear one is refused. */
        public void event(CardEvent event) {
            if (event.phone() != null && !SealedPhones.isSealedPhone(event.phone())) {
                throw new IllegalStateException("event " + event.eventId() + " carries its phone in clear; "
                        + "phones are published sealed only (contract §12)");
            }
            operations.send(event.type().topic(), event.cardId(), event);
        }

        public void rejected(RejectedRow row) {
            operations.send(Topics.REJECTS, row.uploadId(), row);
        }

        /** An ops decision for the fold (contract §11.1), keyed by its card like the card's events. */
        public void command(CardCommand command) {
            operations.send(Topics.COMMANDS, command.cardId(), command);
        }
    }
}
