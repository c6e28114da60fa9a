package org.parley.scenarios.cli;

/** The exit codes of every {@code parley} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** The run failed: some episodes failed, a sink could not write, or an internal error. */
    public static final int RUN_FAILED = 1;
    /** Invalid input: scenario errors, bad options. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {}
}
