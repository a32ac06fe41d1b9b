package com.zywa.cardstatus.support.errors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/** Gives every servlet service {@link CommonErrors}, behind the advice and handlers the service declares itself. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
public class CommonErrorsAutoConfiguration {

    @Bean
    CommonErrors cardStatusCommonErrors() {
        return new CommonErrors();
    }
}
