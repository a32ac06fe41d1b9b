package com.zywa.cardstatus.system;

import com.zywa.cardstatus.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Our settings as Spring's configuration metadata lists them: every module's
 * {@code META-INF/spring-configuration-metadata.json} on the class path, written by
 * {@code spring-boot-configuration-processor} from the settings records (their names, types and defaults) and from
 * {@code additional-spring-configuration-metadata.json} (the old names, deprecated, with their replacements).
 */
record SettingsMetadata(Map<String, Setting> current, Map<String, Setting> renamed) {

    static final String PREFIX = "cardstatus.";

    /** One property: its name, type, default ({@code null} when it has none) and, if renamed, its new name. */
    record Setting(
            String name,
            String type,
            @Nullable String defaultValue,
            @Nullable String replacement) {

        /** Whether {@code name} (which may stand for a map key or a list index) is this setting or under it. */
        boolean covers(String name) {
            return name.equals(this.name)
                    || (isCollection() && (name.startsWith(this.name + ".") || name.startsWith(this.name + "[")));
        }

        boolean isCollection() {
            return type.startsWith("java.util.Map<") || type.startsWith("java.util.List<");
        }
    }

    static SettingsMetadata read() {
        Map<String, Setting> current = new TreeMap<>();
        Map<String, Setting> renamed = new TreeMap<>();
        try {
            for (URL file : Collections.list(SettingsMetadata.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = file.openStream()) {
                    for (JsonNode property : Json.MAPPER.readTree(in).path("properties")) {
                        Setting setting = setting(property);
                        if (setting.replacement() != null
                                && setting.replacement().startsWith(PREFIX)) {
                            renamed.put(setting.name(), setting);
                        } else if (setting.name().startsWith(PREFIX)) {
                            current.put(setting.name(), setting);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SettingsMetadata(current, renamed);
    }

    private static Setting setting(JsonNode property) {
        JsonNode defaultValue = property.path("defaultValue");
        JsonNode replacement = property.path("deprecation").path("replacement");
        return new Setting(
                property.path("name").asString(),
                property.path("type").asString(),
                defaultValue.isValueNode() && !defaultValue.isNull() ? defaultValue.asString() : null,
                replacement.isMissingNode() ? null : replacement.asString());
    }

    /** The setting {@code name} is, or is under; {@code null} when the services have none. */
    @Nullable
    Setting find(String name) {
        return current.values().stream().filter(s -> s.covers(name)).findFirst().orElse(null);
    }

    /** The environment variable Spring Boot reads {@code name} from: upper case, {@code _} for dots, no dashes. */
    static String variable(String name) {
        return name.replace("-", "")
                .replace("[", ".")
                .replace("]", "")
                .replace('.', '_')
                .toUpperCase(java.util.Locale.ROOT);
    }
}
