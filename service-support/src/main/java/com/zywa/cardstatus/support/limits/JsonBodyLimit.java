package com.zywa.cardstatus.support.limits;

import com.zywa.cardstatus.contract.InputLimits;
import com.zywa.cardstatus.support.errors.ErrorAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a JSON request body over {@link InputLimits#JSON_BODY_BYTES} before it is parsed: at once when
 * its Content-Length says so, else (a chunked body) as soon as reading it passes the limit, so no caller can make
 * the service buffer or parse more than that. Every servlet service has it ({@link JsonBodyLimitAutoConfiguration}); a
 * body cut off this way answers 413 through the common error advice.
 */
public class JsonBodyLimit extends OncePerRequestFilter {

    private static final long LIMIT = InputLimits.JSON_BODY_BYTES;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        try {
            MediaType type =
                    request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
            return type == null
                    || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            ErrorAnswers.write(response, HttpStatus.CONTENT_TOO_LARGE, new BodyTooLargeException().body());
            return;
        }
        chain.doFilter(new BoundedRequest(request), response);
    }

    /** The request with a body stream that fails once more than the limit is read from it. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private @Nullable ServletInputStream body;

        BoundedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Bounded(super.getInputStream());
            }
            return body;
        }
    }

    private static final class Bounded extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Bounded(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > LIMIT) {
                throw new BodyTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
