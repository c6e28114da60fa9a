package org.parley.models;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A non-2xx answer from a provider, carrying the Retry-After the provider asked for. LangChain4j's
 * own {@link HttpException} keeps only the status and body; this subclass is what lets the gateway
 * honour Retry-After, since LangChain4j keeps the root {@code HttpException} as the cause of the
 * exception it maps it to.
 */
public final class ProviderHttpException extends HttpException {
    private final Duration retryAfter;

    public ProviderHttpException(int statusCode, String message, Duration retryAfter) {
        super(statusCode, message);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
