package org.parley.models;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP client SPI over the JDK client, for the one thing the stock client drops: the
 * response headers of a failed call (Retry-After). Plain calls are sent here; streaming calls go to
 * the stock JDK client built on the same {@link java.net.http.HttpClient}.
 */
final class ProviderHttpClient implements HttpClient {
    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final Secrets secrets;
    private volatile JdkHttpClient streaming;
    /** The last URL parsed: a chat model posts to the same one every time. */
    private volatile Map.Entry<String, URI> lastUri = Map.entry("", URI.create(""));

    ProviderHttpClient(java.net.http.HttpClient http, Duration readTimeout, Secrets secrets) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.secrets = secrets;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("multipart requests are not sent through the Parley gateway; "
                    + "only chat requests are");
        }
        var builder = java.net.http.HttpRequest.newBuilder(uri(request.url()));
        request.headers().forEach((name, values) -> {
            // The JDK client sets these itself and refuses them from callers.
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")
                    && !name.equalsIgnoreCase("Connection")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        String body = request.body();
        var publisher = body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body);
        builder.method(request.method().name(), publisher);
        HttpResponse<String> response = send(builder.build());
        Map<String, List<String>> headers = response.headers().map();
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(status, secrets.redact(response.body()), retryAfter(response));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(headers)
                .body(response.body())
                .build();
    }

    private URI uri(String url) {
        var last = lastUri;
        if (last.getKey().equals(url)) {
            return last.getValue();
        }
        URI parsed = URI.create(url);
        lastUri = Map.entry(url, parsed);
        return parsed;
    }

    /**
     * Sends and waits at most the read timeout. The wait is a timed park of the calling (virtual)
     * thread rather than the JDK client's per-request timer, whose shared timer set becomes the
     * bottleneck with hundreds of requests in flight.
     */
    private HttpResponse<String> send(java.net.http.HttpRequest request) {
        var future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return readTimeout == null ? future.get() : future.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UncheckedIOException(new HttpTimeoutException("no response within " + readTimeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streamingClient().execute(request, parser, listener);
    }

    private JdkHttpClient streamingClient() {
        // Built on first use only: chat minds never stream, and each JDK client owns a selector thread.
        JdkHttpClient c = streaming;
        if (c == null) {
            synchronized (this) {
                c = streaming;
                if (c == null) {
                    c = new JdkHttpClientBuilder().readTimeout(readTimeout).build();
                    streaming = c;
                }
            }
        }
        return c;
    }

    /** Retry-After as seconds or an HTTP date, or OpenAI's {@code retry-after-ms}; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        var ms = response.headers().firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Duration.ofMillis(Math.round(Double.parseDouble(ms.get().trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return response.headers().firstValue("retry-after").map(ProviderHttpClient::parseRetryAfter).orElse(null);
    }

    static Duration parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                var when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                var d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
