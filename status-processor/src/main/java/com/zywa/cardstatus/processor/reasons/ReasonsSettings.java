package com.zywa.cardstatus.processor.reasons;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the fold finds each partner's reason mapping and how often it looks for a change ({@code cardstatus.reasons.*},
 * contract §10).
 *
 * @param mappingFile the reason mapping file (YAML); unset, the one shipped with the service, which maps partner
 *     {@code default}
 * @param reloadInterval how often the file is read again; a changed content is loaded without a restart
 */
@ConfigurationProperties("cardstatus.reasons")
record ReasonsSettings(
        @Nullable Path mappingFile, @DefaultValue("PT10S") Duration reloadInterval) {}
