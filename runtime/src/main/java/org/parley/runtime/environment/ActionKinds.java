package org.parley.runtime.environment;

/** The action kinds every social environment understands (Sotopia's action space). */
public final class ActionKinds {
    public static final String SPEAK = "speak";
    public static final String NON_VERBAL = "non-verbal";
    public static final String ACTION = "action";
    public static final String LEAVE = "leave";
    public static final String NONE = "none";

    private ActionKinds() {}
}
