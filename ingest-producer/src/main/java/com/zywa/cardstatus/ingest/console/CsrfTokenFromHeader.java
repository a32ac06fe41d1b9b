package com.zywa.cardstatus.ingest.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * The console's CSRF token as Spring Security reads it (masked anew for each response), except that a multipart body
 * is never searched for the form field: that would make the container parse and buffer the body, a file to disk,
 * before anyone is known. The console's scripts send the header; only its two plain forms (sign-in, sign-out) use the
 * field.
 */
final class CsrfTokenFromHeader implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        if (request.getHeader(token.getHeaderName()) == null && isMultipart(request)) {
            return null;
        }
        return masked.resolveCsrfTokenValue(request, token);
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
