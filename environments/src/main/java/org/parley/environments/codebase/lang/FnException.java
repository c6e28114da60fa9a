package org.parley.environments.codebase.lang;

/** A program that does not parse or fails while running; the message names file and line where known. */
public final class FnException extends RuntimeException {
    public FnException(String message) {
        super(message);
    }
}
