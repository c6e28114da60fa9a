package org.parley.models;

import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Optional;

/** Sorts an exception from a provider call into a {@link FailureKind}. */
final class Failures {
    private Failures() {}

    /** A classified failure: its kind, the Retry-After the provider sent, and the HTTP status (0 if none). */
    record Classified(FailureKind kind, Optional<Duration> retryAfter, int status) {}

    static Classified classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                int s = http.statusCode();
                Optional<Duration> after = http instanceof ProviderHttpException p ? p.retryAfter() : Optional.empty();
                FailureKind kind = s == 429 ? FailureKind.RATE_LIMITED
                        : s == 408 ? FailureKind.TIMEOUT
                        : s >= 500 ? FailureKind.SERVER_ERROR
                        : FailureKind.REJECTED;
                return new Classified(kind, after, s);
            }
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new Classified(FailureKind.TIMEOUT, Optional.empty(), 0);
            }
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return new Classified(FailureKind.CONNECTION, Optional.empty(), 0);
            }
        }
        // Any other I/O failure (connection reset, EOF mid-response) is a broken connection.
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return new Classified(FailureKind.CONNECTION, Optional.empty(), 0);
            }
        }
        return new Classified(FailureKind.OTHER, Optional.empty(), 0);
    }

    /** A one-line description of the root problem for messages (already free of keys once redacted). */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        if (root instanceof HttpException http) {
            return "HTTP " + http.statusCode() + (msg == null || msg.isBlank() ? "" : ": " + abbreviate(msg));
        }
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + abbreviate(msg));
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
