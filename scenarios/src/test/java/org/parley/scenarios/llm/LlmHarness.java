package org.parley.scenarios.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parley.agents.mind.MindKinds;
import org.parley.environments.judge.Dimension;
import org.parley.environments.judge.Rubric;
import org.parley.environments.judge.Rubrics;
import org.parley.models.testserver.Received;
import org.parley.models.testserver.Reply;
import org.parley.models.testserver.ScriptedModelServer;
import org.parley.runtime.event.EventSink;
import org.parley.runtime.kernel.Simulation;
import org.parley.runtime.run.RunReport;
import org.parley.scenarios.load.EnvironmentTypes;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.run.PreparedRun;
import org.parley.scenarios.run.RunSetupException;

/**
 * Runs scenario files with LLM minds against the scripted OpenAI-protocol server on 127.0.0.1,
 * through the real loader, run folder, kernel, gateways and LangChain4j client. Environment
 * variables (API keys) come from a map, never from the process.
 */
final class LlmHarness implements AutoCloseable {
    private static final Pattern AGENT = Pattern.compile("Your id in this conversation is \"([^\"]+)\"");
    private static final Pattern TURN = Pattern.compile("It is now turn (\\d+)");
    private static final Pattern RUBRIC = Pattern.compile("on every dimension of the rubric \"([^\"]+)\"");
    private static final Pattern JUDGED = Pattern.compile("(?m)^- ([\\w-]+) \\(role");

    final ScriptedModelServer server = ScriptedModelServer.start();
    final Map<String, String> env = new LinkedHashMap<>();
    final Path dir;

    LlmHarness(Path dir) {
        this.dir = dir;
    }

    /** Agents answer through {@code agents(agent, turn)}; judges get a mid-scale score for every agent and dimension. */
    LlmHarness answering(BiFunction<String, Integer, Reply> agents) {
        return answering((agent, turn, request) -> agents.apply(agent, turn));
    }

    /** How the scripted model plays an agent: the agent, the turn and the request it answers. */
    @FunctionalInterface
    interface AgentScript {
        Reply answer(String agent, int turn, Received request);
    }

    LlmHarness answering(AgentScript agents) {
        server.otherwise(r -> isJudge(r) ? judge.apply(r) : agents.answer(agentOf(r), turnOf(r), r));
        return this;
    }

    /** How judges are answered (by default: a mid-scale score for every agent and dimension). */
    Function<Received, Reply> judge = LlmHarness::judgeReply;

    ScenarioLoader loader() {
        return new ScenarioLoader(env::get, EnvironmentTypes.installed(), MindKinds.installed());
    }

    LoadedScenario load(Path file, String... sets) throws ScenarioException {
        var all = new ArrayList<String>();
        all.add("models.gpt.base-url=" + server.openAiBaseUrl());
        all.addAll(List.of(sets));
        return loader().load(file, all);
    }

    ModelOptions models() {
        return ModelOptions.defaults().withEnvironment(env::get);
    }

    /** A fresh run into {@code dir/<name>}, recorded like {@code parley run}; returns the run folder. */
    Path run(LoadedScenario scenario, RunOptions options, String name, ModelOptions modelOptions)
            throws IOException, RunSetupException {
        return run(scenario, options, name, modelOptions, List.of());
    }

    Path run(LoadedScenario scenario, RunOptions options, String name, ModelOptions modelOptions, List<EventSink> extra)
            throws IOException, RunSetupException {
        Path out = dir.resolve(name);
        PreparedRun run = PreparedRun.fresh(scenario, options, out, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), modelOptions);
        RunReport report = Simulation.run(run.plan(), run.resolver(), run.sinks(extra));
        run.finish();
        if (report.failed() > 0) {
            throw new AssertionError(report.failed() + " episode(s) failed; see " + out);
        }
        return out;
    }

    /** The system prompt's agent id, or null for a judge or a ping. */
    static String agentOf(Received r) {
        Matcher m = AGENT.matcher(systemText(r));
        return m.find() ? m.group(1) : null;
    }

    static int turnOf(Received r) {
        Matcher m = TURN.matcher(r.lastUserText());
        int turn = -1;
        while (m.find()) {
            turn = Integer.parseInt(m.group(1));
        }
        return turn;
    }

    static boolean isJudge(Received r) {
        return RUBRIC.matcher(r.lastUserText()).find();
    }

    static String systemText(Received r) {
        JsonNode messages = r.json().path("messages");
        return messages.size() > 0 && "system".equals(messages.get(0).path("role").asText())
                ? messages.get(0).path("content").asText() : "";
    }

    /** Every request's text that agent {@code id} sent. */
    List<Received> requestsOf(String id) {
        return server.requests().stream().filter(r -> id.equals(agentOf(r))).toList();
    }

    List<Received> judgeRequests() {
        return server.requests().stream().filter(LlmHarness::isJudge).toList();
    }

    private static Reply judgeReply(Received r) {
        String text = r.lastUserText();
        Matcher rm = RUBRIC.matcher(text);
        rm.find();
        Rubric rubric = Rubrics.builtIn(rm.group(1));
        var agents = new ArrayList<String>();
        Matcher am = JUDGED.matcher(text);
        while (am.find()) {
            agents.add(am.group(1));
        }
        var sb = new StringBuilder("{\"scores\": {");
        for (int i = 0; i < agents.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('"').append(agents.get(i)).append("\": {");
            for (int d = 0; d < rubric.dimensions().size(); d++) {
                Dimension dim = rubric.dimensions().get(d);
                double score = Math.floor((dim.min() + dim.max()) / 2);
                sb.append(d == 0 ? "" : ", ").append('"').append(dim.name()).append("\": {\"reasoning\": \"fair\", \"score\": ")
                        .append((long) score).append('}');
            }
            sb.append('}');
        }
        return Reply.text(sb.append("}}").toString());
    }

    static String speak(String text) {
        return "{\"kind\": \"speak\", \"text\": \"" + text + "\"}";
    }

    static String leave(String text) {
        return "{\"kind\": \"leave\", \"text\": \"" + text + "\"}";
    }

    /** Every file of a folder, path relative to it -> content. */
    static Map<String, String> files(Path root) {
        var m = new java.util.TreeMap<String, String>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                m.put(root.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    static Function<String, String> noEnv() {
        return k -> null;
    }

    @Override
    public void close() {
        server.close();
    }
}
