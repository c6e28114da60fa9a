package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.parley.scenarios.run.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley}: run scenario files, check them, list what is installed and read transcripts.
 * Exit codes: 0 success, 2 invalid input (scenario errors, bad options), 1 run failure.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        description = "Multi-agent social simulation: run scenario files and read their results.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, ShowCommand.class, BenchCommand.class,
            ModelsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the run failed (some episodes failed, or an internal error)",
            "2:invalid input (scenario errors, bad options)"})
public final class ParleyCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return INVALID_INPUT;
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        var cl = new CommandLine(new ParleyCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.originalArgs().contains("--verbose");
            commandLine.getErr().println("parley: internal error: " + ex);
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("(run again with --verbose for details)");
            }
            return RUN_FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** {@code parley --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"parley " + Versions.parley(), "java " + Versions.java()};
        }
    }
}
