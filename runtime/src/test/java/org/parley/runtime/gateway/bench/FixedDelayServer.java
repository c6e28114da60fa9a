package org.parley.runtime.gateway.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provider of the benchmark: an OpenAI chat-completions endpoint on 127.0.0.1 that answers
 * every request with the same pre-rendered completion after a fixed delay. It parses nothing, so
 * the CPU it takes from the shared cores is as small as an HTTP server's can be; a real provider
 * does its work on its own machines.
 */
final class FixedDelayServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    FixedDelayServer(long delayMillis) {
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "8192");
        }
        byte[] answer = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"{\\\"kind\\\":\\\"speak\\\",\\\"text\\\":\\\"Fine, let us meet at noon.\\\"}\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":13,"
                + "\"total_tokens\":25}}").getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            boolean counted = true;
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Thread.sleep(delayMillis);
                inFlight.decrementAndGet();
                counted = false;
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException | IOException e) {
                // shutting down, or the client went away
            } finally {
                if (counted) {
                    inFlight.decrementAndGet();
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
