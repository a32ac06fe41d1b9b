package com.zywa.cardstatus.notifier.delivery;

import com.zywa.cardstatus.notifier.NotifierSettings;
import com.zywa.cardstatus.notifier.targets.HostResolver;
import com.zywa.cardstatus.notifier.targets.TargetPolicy;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The target policy (from configuration, with the system's resolver unless a test supplies one) and the sender. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfig {

    @Bean
    TargetPolicy targetPolicy(NotifierSettings settings, ObjectProvider<HostResolver> resolver) {
        return new TargetPolicy(
                settings.allowHttp(),
                settings.allowPrivateTargets(),
                resolver.getIfAvailable(() -> HostResolver.SYSTEM));
    }

    @Bean
    WebhookSender webhookSender(TargetPolicy targets, NotifierSettings settings, Clock clock) {
        return new WebhookSender(targets, settings.timeout(), clock);
    }
}
