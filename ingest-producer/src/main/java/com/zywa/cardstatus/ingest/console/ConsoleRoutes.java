package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.ingest.IngestAccess;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Where the console's JSON calls go: under {@link #API}, whose chain ({@link ConsoleSecurity}) wants a session and a
 * CSRF token, and where the ops API's routes ({@link IngestAccess#OPS_ROUTES}, stateless, a key or a token) are served
 * again. Each console twin is registered from the API route's own mapping once the controllers are known, so no
 * controller names the console and no ops route lacks its twin.
 */
@Component
class ConsoleRoutes implements SmartInitializingSingleton {

    static final String API = "/console/api";

    private static final List<PathPattern> OPS_ROUTES = IngestAccess.OPS_ROUTES.stream()
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final RequestMappingHandlerMapping mappings;

    ConsoleRoutes(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    /** The console's twin of an ops route's path. */
    static String twin(String opsPath) {
        return API + opsPath;
    }

    static boolean isOpsRoute(String pattern) {
        PathContainer path = PathContainer.parsePath(pattern);
        return OPS_ROUTES.stream().anyMatch(route -> route.matches(path));
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map.copyOf(mappings.getHandlerMethods()).forEach((mapping, handler) -> {
            String[] twins = mapping.getPatternValues().stream()
                    .filter(ConsoleRoutes::isOpsRoute)
                    .map(ConsoleRoutes::twin)
                    .toArray(String[]::new);
            if (twins.length > 0) {
                RequestMappingInfo twin = mapping.mutate().paths(twins).build();
                mappings.registerMapping(twin, handler.getBean(), handler.getMethod());
            }
        });
    }
}
