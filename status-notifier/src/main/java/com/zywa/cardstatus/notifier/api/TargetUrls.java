package com.zywa.cardstatus.notifier.api;

import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import com.zywa.cardstatus.notifier.targets.TargetRefusedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/** A subscription's URL as ops send it: at most {@value #MAX_LENGTH} characters, a URL, and an allowed target now. */
final class TargetUrls {

    static final int MAX_LENGTH = 2048;

    private TargetUrls() {}

    static URI parse(@Nullable String url, TargetPolicy targets) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            throw SubscriptionException.invalid(
                    "invalid_url", "url is required, at most " + MAX_LENGTH + " characters");
        }
        URI parsed;
        try {
            parsed = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw SubscriptionException.invalid("invalid_url", "url is not a URL: " + e.getReason());
        }
        try {
            targets.check(parsed);
        } catch (TargetRefusedException e) {
            throw SubscriptionException.invalid("target_refused", e.getMessage());
        } catch (UnknownHostException e) {
            throw SubscriptionException.invalid(
                    "target_unresolvable", "the URL's host does not resolve: " + e.getMessage());
        }
        return parsed;
    }
}
