package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;

/** A run that used a key leaves it nowhere: logs at DEBUG, stdout/stderr, errors, usage, cache files. */
class SecretsInLogsTest {
    @TempDir
    Path cacheDir;

    @Test
    void theKeyAppearsInNoOutputOfARun() throws Exception {
        String key = "sk-proj-LEAKCHECK-9f8e7d6c5b4a";
        var root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        var out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        var seen = new ArrayList<String>();
        try (var server = ScriptedModelServer.start()) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
            server.enqueue(Reply.text("fine"), Reply.tooManyRequests("0"), Reply.text("after retry"),
                    Reply.status(401, "{\"error\":{\"message\":\"bad key " + key + "\"}}"));
            var spec = ModelSpec.of("gpt", Provider.OPENAI, "gpt-4o-mini", server.openAiBaseUrl()).withApiKeyEnv("LEAK_KEY");
            try (var gateways = new Gateways(List.of(spec), GatewayOptions.defaults()
                    .withEnvironment(Map.of("LEAK_KEY", key)::get).withCache(cacheDir, CacheMode.RECORD))) {
                for (int i = 0; i < 3; i++) {
                    var call = ModelCall.of(List.of(PromptMessage.user("hello " + i))).forEpisode("e", "r");
                    CompletableFuture<ModelReply> f = gateways.get("gpt").chat(call);
                    try {
                        seen.add(f.get(10, TimeUnit.SECONDS).toString());
                    } catch (Exception e) {
                        seen.add(e.toString());
                        seen.add(String.valueOf(e.getCause()));
                    }
                }
                seen.add(gateways.usage().toString());
                seen.add(gateways.spec("gpt").toString());
                seen.add(gateways.check().get("gpt").get(10, TimeUnit.SECONDS));
            }
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            root.setLevel(before);
            root.detachAppender(appender);
        }
        assertThat(seen).anySatisfy(s -> assertThat(s).contains("HTTP 401"));
        assertThat(seen).allSatisfy(s -> assertThat(s).doesNotContain(key));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(key);
        assertThat(appender.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(key));
        try (Stream<Path> files = Files.walk(cacheDir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).doesNotContain(key);
            }
        }
    }
}
