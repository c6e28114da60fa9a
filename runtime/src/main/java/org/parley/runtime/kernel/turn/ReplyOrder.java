package org.parley.runtime.kernel.turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Applies answers to concurrent decision requests in the order the requests were made, as long as
 * the minds answer synchronously. Under the {@code free} protocol several agents decide at once;
 * taken in arrival order, rule-based runs would depend on thread scheduling. A mind that answers
 * asynchronously (an LLM call) is "deferred": it leaves the queue and its answer is applied
 * whenever it arrives, so a slow mind never holds up the others.
 *
 * @param <T> the answer type
 */
public final class ReplyOrder<T> {
    /** Outstanding requests in request order (a set: removal of a deferred one is cheap). */
    private final LinkedHashSet<Long> queue = new LinkedHashSet<>();
    private final Map<Long, T> held = new HashMap<>();

    /** A request was sent. */
    public void requested(long request) {
        queue.add(request);
    }

    /**
     * An answer arrived.
     *
     * @return the answers that may be applied now, in order (possibly none)
     */
    public List<T> answered(long request, T answer) {
        if (!queue.contains(request)) {
            return List.of(answer);
        }
        held.put(request, answer);
        return release();
    }

    /** The mind behind a request answers asynchronously; it no longer holds up later requests. */
    public List<T> deferred(long request) {
        queue.remove(request);
        return release();
    }

    /** Forgets a request (its agent failed or the episode ended). */
    public List<T> cancelled(long request) {
        queue.remove(request);
        held.remove(request);
        return release();
    }

    public boolean isEmpty() {
        return queue.isEmpty();
    }

    private List<T> release() {
        List<T> out = List.of();
        var it = queue.iterator();
        while (it.hasNext()) {
            Long head = it.next();
            if (!held.containsKey(head)) {
                break;
            }
            if (out.isEmpty()) {
                out = new ArrayList<>(2);
            }
            out.add(held.remove(head));
            it.remove();
        }
        return out;
    }
}
