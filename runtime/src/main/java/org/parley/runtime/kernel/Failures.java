package org.parley.runtime.kernel;

import java.util.concurrent.CompletionException;
import org.apache.pekko.actor.ActorInitializationException;

/** How the kernel words a failure for transcripts and results. */
final class Failures {
    private Failures() {}

    /** A failure's message, or its type when it has none, past the wrappers futures and actors add. */
    static String describe(Throwable t) {
        while ((t instanceof ActorInitializationException || t instanceof CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
