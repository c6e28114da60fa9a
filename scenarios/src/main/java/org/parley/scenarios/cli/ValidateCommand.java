package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.scenarios.load.ScenarioException;
import org.parley.scenarios.load.ScenarioLoader;
import org.parley.scenarios.model.AgentSpec;
import org.parley.scenarios.model.LoadedScenario;
import org.parley.scenarios.model.ResolvedCondition;
import org.parley.scenarios.model.Scenario;
import org.parley.scenarios.plan.RunOptions;
import org.parley.scenarios.plan.RunPlanner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley validate <file>}: checks a scenario and prints its plan, or every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Check a scenario file and print its run plan, or every problem found.")
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (YAML).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a scenario value, as for run (repeatable).")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            LoadedScenario s = ScenarioLoader.standard().load(file, sets);
            Scenario base = s.base();
            int total = RunPlanner.episodes(s, RunOptions.none()).size();
            out.printf("OK %s: scenario '%s', environment '%s', protocol %s%n", file, base.name(),
                    base.environment().name(), base.protocol().label());
            for (AgentSpec a : base.agents()) {
                out.printf("  agent %s: role %s, persona %s (%s), mind %s%n", a.id(), a.role(), a.personaName(),
                        a.persona().name(), a.mind().describe());
            }
            base.llm().models().forEach((name, m) -> out.printf("  model %s: %s %s%s%n", name, m.provider().id(), m.model(),
                    m.apiKeyEnv() == null ? "" : ", key from $" + m.apiKeyEnv()));
            base.llm().judges().forEach(j -> out.printf("  judge %s by model %s%n", j.rubric(), j.model()));
            for (ResolvedCondition c : s.conditions()) {
                out.printf("  condition %s: %d episodes%s%n", c.name(), c.scenario().episodes(),
                        c.condition().overrides().isEmpty() ? "" : ", " + c.condition().overrides().size() + " override(s)");
            }
            out.printf("  %d episodes in all, seed %d, %d at a time%n", total, base.seed(), base.parallel());
            return ExitCodes.OK;
        } catch (ScenarioException e) {
            return Reporting.problems(spec.commandLine().getErr(), e);
        }
    }
}
