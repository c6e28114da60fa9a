package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;

class RecordReplayTest {
    @TempDir
    Path cacheDir;

    private static List<ModelCall> calls() {
        var calls = new ArrayList<ModelCall>();
        for (int i = 0; i < 5; i++) {
            calls.add(ModelCall.of(List.of(PromptMessage.system("You haggle."), PromptMessage.user("Offer " + i)))
                    .withSeed(1000L + i).forEpisode("e" + i, "seller"));
        }
        return calls;
    }

    @Test
    void replayWithTheServerStoppedGivesIdenticalReplies() throws Exception {
        String key = "sk-record-SECRET-abcdef123456";
        var env = Map.of("REC_KEY", key);
        var recorded = new ArrayList<ModelReply>();
        ModelSpec spec;
        try (var server = ScriptedModelServer.start()) {
            server.otherwise(r -> Reply.text("I offer " + r.lastUserText().length() * 7 + " dollars"));
            spec = ModelSpec.of("gpt", Provider.OPENAI, "gpt-4o-mini", server.openAiBaseUrl()).withApiKeyEnv("REC_KEY");
            try (var g = Gateway.create(spec, GatewayOptions.defaults().withEnvironment(env::get)
                    .withCache(cacheDir, CacheMode.RECORD))) {
                for (ModelCall c : calls()) {
                    recorded.add(g.chat(c).get(10, TimeUnit.SECONDS));
                }
            }
            assertThat(server.requestCount()).isEqualTo(5);
        }

        // The server is gone: a replaying gateway must not need it.
        var replayed = new ArrayList<ModelReply>();
        try (var g = Gateway.create(spec, GatewayOptions.defaults().withEnvironment(env::get)
                .withCache(cacheDir, CacheMode.REPLAY))) {
            for (ModelCall c : calls()) {
                replayed.add(g.chat(c).get(10, TimeUnit.SECONDS));
            }
            assertThat(g.usage().total().cachedResponses()).isEqualTo(5);
            assertThat(g.usage().total().requests()).isZero();
        }
        assertThat(replayed).isEqualTo(recorded);

        try (Stream<Path> files = Files.walk(cacheDir)) {
            var entries = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(entries).hasSize(5);
            for (Path p : entries) {
                assertThat(Files.readString(p)).doesNotContain(key).contains("\"reply\"");
            }
        }
    }

    @Test
    void replayOfAnUnrecordedCallFailsNamingTheKey() throws Exception {
        var spec = ModelSpec.of("local", Provider.OPENAI_COMPATIBLE, "m", "http://127.0.0.1:9/v1");
        try (var g = Gateway.create(spec, GatewayOptions.defaults().withCache(cacheDir, CacheMode.REPLAY))) {
            ModelCall call = calls().get(0);
            try {
                g.chat(call).get(10, TimeUnit.SECONDS);
                throw new AssertionError("expected a replay miss");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ReplayMissException.class)
                        .hasMessageContaining(CacheKey.of(spec, call))
                        .hasMessageContaining("'local'");
            }
        }
    }

    @Test
    void autoModeCallsOnceThenServesFromTheCache() throws Exception {
        try (var server = ScriptedModelServer.start()) {
            server.otherwise(r -> Reply.text("same"));
            var spec = ModelSpec.of("local", Provider.OPENAI_COMPATIBLE, "m", server.openAiBaseUrl());
            try (var g = Gateway.create(spec, GatewayOptions.defaults().withCache(cacheDir, CacheMode.AUTO))) {
                var call = calls().get(1);
                var first = g.chat(call).get(10, TimeUnit.SECONDS);
                var second = g.chat(call).get(10, TimeUnit.SECONDS);
                assertThat(second).isEqualTo(first);
                assertThat(server.requestCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void theKeyDependsOnContentNotOnAliasOrEndpoint() {
        var a = ModelSpec.of("alias-a", Provider.OPENAI_COMPATIBLE, "m", "http://127.0.0.1:1/v1");
        var b = ModelSpec.of("alias-b", Provider.OPENAI_COMPATIBLE, "m", "http://127.0.0.1:2/v1");
        var call = calls().get(0);
        assertThat(CacheKey.of(a, call)).isEqualTo(CacheKey.of(b, call)).hasSize(64);
        assertThat(CacheKey.of(a, call.withSeed(7L))).isNotEqualTo(CacheKey.of(a, call));
        assertThat(CacheKey.of(a.withSampling(0.3, null), call)).isNotEqualTo(CacheKey.of(a, call));
        assertThat(CacheKey.of(a, call.forEpisode("other", "buyer"))).isEqualTo(CacheKey.of(a, call));
    }
}
