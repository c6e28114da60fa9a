package org.parley.models.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) that speaks the chat protocols of OpenAI
 * ({@code POST /v1/chat/completions}), Anthropic ({@code POST /v1/messages}) and Ollama
 * ({@code POST /api/chat}), answering from a per-test script. Tests drive the real LangChain4j
 * clients through it. It records every request and the most requests it ever had in flight.
 */
public final class ScriptedModelServer implements AutoCloseable {

    public enum Protocol { OPENAI, ANTHROPIC, OLLAMA }

    private static final JsonMapper JSON = new JsonMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Function<Received, Reply> otherwise = r -> Reply.text("{\"kind\":\"speak\",\"text\":\"Hello.\"}");
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean keepRequests = true;

    private ScriptedModelServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static ScriptedModelServer start() {
        // The JDK server keeps only 200 idle keep-alive connections by default and closes the rest,
        // which a client pooling 512 connections then finds reset. Real providers keep them.
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "8192");
        }
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 2048);
            var executor = Executors.newVirtualThreadPerTaskExecutor();
            var s = new ScriptedModelServer(server, executor);
            server.createContext("/v1/chat/completions", ex -> s.handle(ex, Protocol.OPENAI));
            server.createContext("/v1/messages", ex -> s.handle(ex, Protocol.ANTHROPIC));
            server.createContext("/api/chat", ex -> s.handle(ex, Protocol.OLLAMA));
            server.setExecutor(executor);
            server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL for OpenAI and OpenAI-compatible clients (and Anthropic's, which also ends in /v1). */
    public String openAiBaseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public String anthropicBaseUrl() {
        return openAiBaseUrl();
    }

    public String ollamaBaseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Replies given in order to the next requests; after them {@link #otherwise} answers. */
    public ScriptedModelServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Stops keeping received requests (a long benchmark would otherwise hold them all in memory). */
    public ScriptedModelServer forgetRequests() {
        keepRequests = false;
        return this;
    }

    /** How to answer when the script is used up. */
    public ScriptedModelServer otherwise(Function<Received, Reply> responder) {
        this.otherwise = responder;
        return this;
    }

    public List<Received> requests() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int requestCount() {
        return count.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Stops listening (a stopped server refuses connections, which is how replay tests prove no network). */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange, Protocol protocol) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = new LinkedHashMap<String, List<String>>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            var request = new Received(protocol, headers, body, json, System.nanoTime());
            count.incrementAndGet();
            if (keepRequests) {
                received.add(request);
            }
            Reply reply = script.poll();
            if (reply == null) {
                reply = otherwise.apply(request);
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            String model = json.path("model").asText("model");
            int status = 200;
            String out;
            if (reply instanceof Reply.Status s) {
                status = s.status();
                s.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                out = s.body();
            } else {
                out = JSON.writeValueAsString(render(protocol, model, reply));
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            // A request stops counting as in flight once its answer starts: the client may send its
            // next request as soon as it has read this one, before this handler has returned.
            inFlight.decrementAndGet();
            counted = false;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // The client timed out and closed the connection; nothing to answer.
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private ObjectNode render(Protocol protocol, String model, Reply reply) {
        String text;
        List<Reply.Call> calls;
        int in = 12;
        int out;
        if (reply instanceof Reply.Text t) {
            text = t.text();
            calls = List.of();
            in = t.inputTokens();
            out = t.outputTokens();
        } else if (reply instanceof Reply.Tools t) {
            text = t.text();
            calls = t.calls();
            out = 10;
        } else {
            throw new IllegalStateException("not a content reply: " + reply);
        }
        int id = ids.incrementAndGet();
        return switch (protocol) {
            case OPENAI -> openAi(model, id, text, calls, in, out);
            case ANTHROPIC -> anthropic(model, id, text, calls, in, out);
            case OLLAMA -> ollama(model, text, calls, in, out);
        };
    }

    private static ObjectNode openAi(String model, int id, String text, List<Reply.Call> calls, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + id).put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (text == null) {
            message.putNull("content");
        } else {
            message.put("content", text);
        }
        if (!calls.isEmpty()) {
            ArrayNode tc = message.putArray("tool_calls");
            for (int i = 0; i < calls.size(); i++) {
                ObjectNode c = tc.addObject();
                c.put("id", "call_" + id + "_" + i).put("type", "function");
                c.putObject("function").put("name", calls.get(i).name()).put("arguments", calls.get(i).argumentsJson());
            }
        }
        choice.put("finish_reason", calls.isEmpty() ? "stop" : "tool_calls");
        root.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return root;
    }

    private static ObjectNode anthropic(String model, int id, String text, List<Reply.Call> calls, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_" + id).put("type", "message").put("role", "assistant").put("model", model);
        ArrayNode content = root.putArray("content");
        if (text != null) {
            content.addObject().put("type", "text").put("text", text);
        }
        for (int i = 0; i < calls.size(); i++) {
            ObjectNode c = content.addObject();
            c.put("type", "tool_use").put("id", "toolu_" + id + "_" + i).put("name", calls.get(i).name());
            c.set("input", parse(calls.get(i).argumentsJson()));
        }
        root.put("stop_reason", calls.isEmpty() ? "end_turn" : "tool_use");
        root.putNull("stop_sequence");
        root.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        return root;
    }

    private static ObjectNode ollama(String model, String text, List<Reply.Call> calls, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model).put("created_at", "2024-01-01T00:00:00Z");
        ObjectNode message = root.putObject("message");
        message.put("role", "assistant").put("content", text == null ? "" : text);
        if (!calls.isEmpty()) {
            ArrayNode tc = message.putArray("tool_calls");
            for (Reply.Call call : calls) {
                ObjectNode fn = tc.addObject().putObject("function");
                fn.put("name", call.name());
                fn.set("arguments", parse(call.argumentsJson()));
            }
        }
        root.put("done", true).put("done_reason", "stop");
        root.put("prompt_eval_count", in).put("eval_count", out);
        return root;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A map-of-headers helper for scripts. */
    public static Map<String, String> headers(String... keyValues) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
