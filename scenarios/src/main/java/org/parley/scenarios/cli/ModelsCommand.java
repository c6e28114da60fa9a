package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.models.GatewayOptions;
import org.parley.models.Gateways;
import org.parley.models.ModelSpec;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley models}: the models of a scenario file. */
@Command(name = "models", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Work with the models: section of a scenario file.",
        subcommands = {ModelsCommand.Check.class, CommandLine.HelpCommand.class})
final class ModelsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_INPUT;
    }

    /**
     * {@code parley models check <file>}: one tiny request to every configured model (no cache),
     * printing {@code ok} and the latency, or why it failed. Exit 0 when all answered, 1 when any
     * failed, 2 for an invalid scenario.
     */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Send one tiny request to each model of a scenario and print ok (with latency) or the error.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
        Path file;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario value, as for run (repeatable).")
        List<String> sets = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up on a model after this long (default: 120).")
        long timeoutSeconds = 120;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LoadedScenario scenario;
            try {
                scenario = ScenarioLoader.standard().load(file, sets);
            } catch (ScenarioException e) {
                return Reporting.problems(err, e);
            }
            // every model any condition defines, under its name (a condition that redefines a name is checked too)
            var models = new LinkedHashMap<String, ModelSpec>();
            for (ResolvedCondition c : scenario.conditions()) {
                c.scenario().llm().models().forEach((name, m) -> {
                    String key = name;
                    for (int n = 2; models.containsKey(key) && !models.get(key).equals(m); n++) {
                        key = name + "@" + c.name();
                    }
                    models.putIfAbsent(key, m.withName(key));
                });
            }
            if (models.isEmpty()) {
                err.println("parley: " + file + " has no models: section; nothing to check");
                return ExitCodes.INVALID_INPUT;
            }
            int failed = 0;
            try (var gateways = new Gateways(new ArrayList<>(models.values()),
                    GatewayOptions.defaults())) {
                Map<String, CompletableFuture<String>> results = new LinkedHashMap<>();
                long now = System.nanoTime();
                gateways.check().forEach((name, result) -> {
                    results.put(name, result.thenApply(r -> r + "\t" + (System.nanoTime() - now) / 1_000_000));
                });
                for (var e : results.entrySet()) {
                    ModelSpec m = models.get(e.getKey());
                    String label = e.getKey() + " (" + m.provider().id() + " " + m.model() + ")";
                    String answer;
                    try {
                        answer = e.getValue().get(timeoutSeconds, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException t) {
                        answer = "no answer within " + timeoutSeconds + " s\t-1";
                    } catch (Exception t) {
                        answer = String.valueOf(t.getMessage()) + "\t-1";
                    }
                    String status = answer.substring(0, answer.lastIndexOf('\t'));
                    String ms = answer.substring(answer.lastIndexOf('\t') + 1);
                    if ("ok".equals(status)) {
                        out.printf("%s: ok (%s ms)%n", label, ms);
                    } else {
                        failed++;
                        out.printf("%s: FAILED: %s%n", label, status);
                    }
                }
            }
            out.flush();
            return failed == 0 ? ExitCodes.OK : ExitCodes.RUN_FAILED;
        }
    }
}
