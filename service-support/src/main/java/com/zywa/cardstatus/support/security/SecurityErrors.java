package com.zywa.cardstatus.support.security;

import com.zywa.cardstatus.contract.ErrorBody;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 answers, as the same {@link ErrorBody} as every other error. A 401 is the same whatever was wrong
 * (no credential, an unknown key, an expired or foreign token), so a caller without a valid credential learns
 * nothing, not even which part of its credential failed.
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;

    SecurityErrors(boolean jwt) {
        this.challenge = jwt
                ? "Bearer realm=\"card-status\", ApiKey realm=\"card-status\", header=\"X-API-Key\""
                : "ApiKey realm=\"card-status\", header=\"X-API-Key\"";
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        ErrorAnswers.write(
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "a valid credential is "
                        + "required: an API key in the X-API-Key header or a bearer token (see docs/security.md)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ErrorAnswers.write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "this credential may not " + request.getMethod() + " " + request.getRequestURI()
                        + "; ask for a key with the right role");
    }
}
