package com.zywa.cardstatus.notifier.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A new subscription as ops send it: where to ({@code url}, HTTPS) and, optionally, which changes (every list
 * empty or absent accepts anything) and whether webhooks carry the phone.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SubscriptionRequest(
        @Schema(description = "HTTPS URL that receives the webhooks", example = "https://app.example.com/hooks/cards")
        @Nullable
        String url,

        @Schema(description = "only these statuses, e.g. DELIVERED, RETURNED") @Nullable
        List<String> statuses,

        @Schema(description = "only cards of these partners (status v2 field partner)") @Nullable
        List<String> partners,

        @Schema(description = "only these reasons (status v2 field reason)") @Nullable
        List<String> reasons,

        @Schema(description = "only these actions (status v2 field action_required)") @Nullable
        List<String> actionRequired,

        @Schema(description = "true: only stalled cards (and card.stalled events); false: only cards not stalled")
        @Nullable
        Boolean stalled,

        @Schema(description = "whether webhooks carry the cardholder's phone (default false)") @Nullable
        Boolean includePhone) {}
