package org.parley.scenarios.run;

/** A run cannot start as asked (a bad run folder, a changed scenario on resume): invalid input. */
public final class RunSetupException extends Exception {
    public RunSetupException(String message) {
        super(message);
    }
}
