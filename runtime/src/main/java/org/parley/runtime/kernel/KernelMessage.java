package org.parley.runtime.kernel;

/**
 * Marks every message the kernel's actors exchange. The marker is bound to Pekko's
 * {@code jackson-json} serializer in {@code reference.conf}, so the same messages can cross the
 * network when episodes run on a cluster; the kernel's tests run with {@code serialize-messages = on},
 * so every message really goes through Jackson. Messages are records and carry only data (ids,
 * actions, observations, events, actor references), never functions or live objects.
 */
public interface KernelMessage {}
