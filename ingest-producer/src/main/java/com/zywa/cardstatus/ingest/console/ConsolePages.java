package com.zywa.cardstatus.ingest.console;

import com.zywa.cardstatus.support.security.Caller;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's pages (static files under {@code static/console/}) at their short addresses, the CSRF token its
 * scripts send back, and who is signed in.
 */
@Controller
class ConsolePages {

    @GetMapping("/")
    String root() {
        return "redirect:/console/";
    }

    @GetMapping({"/console", "/console/"})
    String console() {
        return "forward:/console/index.html";
    }

    @GetMapping("/console/subscriptions")
    String subscriptions() {
        return "forward:/console/subscriptions.html";
    }

    @GetMapping("/console/queue")
    String queue() {
        return "forward:/console/queue.html";
    }

    @GetMapping(ConsoleSecurity.SIGN_IN)
    String signIn() {
        return "forward:/console/sign-in.html";
    }

    /** The token the console's forms and calls carry (a header for scripts, a form field for the sign-in form). */
    @GetMapping("/console/csrf")
    @ResponseBody
    Map<String, String> csrf(CsrfToken token) {
        return Map.of(
                "header", token.getHeaderName(), "parameter", token.getParameterName(), "token", token.getToken());
    }

    @GetMapping(ConsoleRoutes.API + "/me")
    @ResponseBody
    Map<String, String> me(@AuthenticationPrincipal Caller caller) {
        return Map.of("name", caller.name());
    }
}
