package com.zywa.cardstatus.system;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the one shared {@link Pipeline} to integration tests, starting it on first use and stopping it when the
 * whole test run ends.
 */
final class PipelineExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Pipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(
                        Pipeline.class,
                        key -> {
                            try {
                                return Pipeline.start();
                            } catch (Exception e) {
                                throw new IllegalStateException("the pipeline did not start: " + e.getMessage(), e);
                            }
                        },
                        Pipeline.class);
    }
}
