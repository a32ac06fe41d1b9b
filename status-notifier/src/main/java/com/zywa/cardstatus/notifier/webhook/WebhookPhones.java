package com.zywa.cardstatus.notifier.webhook;

import com.zywa.cardstatus.contract.Json;
import com.zywa.cardstatus.contract.SealedPhones;
import com.zywa.cardstatus.support.personaldata.PhoneVault;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opens the phone of a webhook when it is sent, not before (contract §12): a webhook is stored as made, its
 * {@code data.phone} sealed as {@code card.status} carries it, so the notifier's database never keeps a clear phone;
 * each attempt sends (and signs) the body with the phone opened through the {@link PhoneVault}, or {@code null} once
 * the phone's key is erased, so an erasure before an attempt or a redelivery sends no phone. Everything else in the
 * body, and the {@code webhook-id}, stay as stored.
 */
@Component
public class WebhookPhones {

    private final PhoneVault vault;

    public WebhookPhones(PhoneVault vault) {
        this.vault = vault;
    }

    /** The body to send for a stored one: the same, with a sealed {@code data.phone} opened (null when erased). */
    public String opened(String stored) {
        if (!stored.contains(SealedPhones.PHONE_PREFIX)) {
            return stored; // no sealed phone: the stored bytes are sent as they are
        }
        JsonNode event = Json.MAPPER.readTree(stored);
        if (!(event.get("data") instanceof ObjectNode data)) {
            return stored;
        }
        JsonNode phone = data.get("phone");
        if (phone == null || !phone.isString() || !SealedPhones.isSealedPhone(phone.asString())) {
            return stored;
        }
        String clear = vault.open(phone.asString());
        if (clear == null) {
            data.putNull("phone");
        } else {
            data.put("phone", clear);
        }
        return Json.MAPPER.writeValueAsString(event);
    }
}
