package org.parley.scenarios.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley}: run scenario files, check them, list what is installed and read transcripts.
 * Exit codes: 0 success, 2 invalid input (scenario errors, bad options), 1 run failure.
 */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Multi-agent social simulation: run scenario files and read their results.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, ShowCommand.class, BenchCommand.class,
            ModelsCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the run failed (some episodes failed, or an internal error)",
            "2:invalid input (scenario errors, bad options)"})
public final class ParleyCommand implements Callable<Integer> {
    /** Kept for callers of the command line from Java: the same codes as {@link ExitCodes}. */
    public static final int OK = ExitCodes.OK;
    public static final int RUN_FAILED = ExitCodes.RUN_FAILED;
    public static final int INVALID_INPUT = ExitCodes.INVALID_INPUT;

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
}
