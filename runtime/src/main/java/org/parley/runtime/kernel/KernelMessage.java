package org.parley.runtime.kernel;

/**
 * Marks every message the kernel's actors exchange. The marker is bound to Pekko's
 * {@code jackson-json} serializer in {@code reference.conf}, so the same messages can cross the
 * network when episodes run on a cluster. Messages are records and carry only data (ids, actions,
 * observations, actor references), never functions or live objects.
 */
public interface KernelMessage {}
