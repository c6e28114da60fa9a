package org.parley.environments.codebase;

import java.util.ArrayList;
import java.util.List;
import org.parley.runtime.environment.ActionKinds;
import org.parley.runtime.environment.ActionSpace;
import org.parley.runtime.environment.ActionSpace.ToolSpec;

/** The coding tools as action kinds with JSON-schema parameters. */
public final class CodebaseTools {
    public static final String LIST_FILES = "list_files";
    public static final String READ_FILE = "read_file";
    public static final String WRITE_FILE = "write_file";
    public static final String APPLY_PATCH = "apply_patch";
    public static final String RUN_TESTS = "run_tests";
    public static final String SEND_MESSAGE = "send_message";
    public static final String PEER_DIFF = "peer_diff";
    public static final String DRY_RUN_MERGE = "dry_run_merge";
    public static final String SUBMIT = "submit";

    static final ToolSpec LIST = new ToolSpec(LIST_FILES, "List the files of your workspace.",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
    static final ToolSpec READ = new ToolSpec(READ_FILE, "Show a file of your workspace.",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},\"required\":[\"path\"],\"additionalProperties\":false}");
    static final ToolSpec WRITE = new ToolSpec(WRITE_FILE, "Replace a whole file of your workspace (creates it if absent).",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},\"content\":{\"type\":\"string\"}},"
                    + "\"required\":[\"path\",\"content\"],\"additionalProperties\":false}");
    static final ToolSpec PATCH = new ToolSpec(APPLY_PATCH,
            "Replace one function of a .fn file: 'code' is the complete 'def name(...): ... end' block. "
                    + "If the file has no such function, the block is appended.",
            "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},\"function\":{\"type\":\"string\"},"
                    + "\"code\":{\"type\":\"string\"}},\"required\":[\"path\",\"function\",\"code\"],\"additionalProperties\":false}");
    static final ToolSpec TESTS = new ToolSpec(RUN_TESTS,
            "Run the visible tests (tests/*.test) on your workspace; optionally only one feature's.",
            "{\"type\":\"object\",\"properties\":{\"feature\":{\"type\":\"string\"}},\"additionalProperties\":false}");
    static final ToolSpec MESSAGE = new ToolSpec(SEND_MESSAGE,
            "Send a message to a teammate (or 'all'). With wait > 0 seconds, block until they reply or the time is up.",
            "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"},\"text\":{\"type\":\"string\"},"
                    + "\"wait\":{\"type\":\"number\",\"minimum\":0}},\"required\":[\"to\",\"text\"]}");
    static final ToolSpec PEER = new ToolSpec(PEER_DIFF,
            "Read-only team view: the functions a teammate's branch changed, with their current text.",
            "{\"type\":\"object\",\"properties\":{\"peer\":{\"type\":\"string\"}},\"required\":[\"peer\"],\"additionalProperties\":false}");
    static final ToolSpec DRY_RUN = new ToolSpec(DRY_RUN_MERGE,
            "Read-only team view: merge your branch with your teammates' current branches without saving; lists conflicting files.",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");
    static final ToolSpec SUBMIT_SPEC = new ToolSpec(SUBMIT, "Hand in your branch. You cannot act afterwards.",
            "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}");

    private CodebaseTools() {}

    /** The action space of an agent that has not submitted yet. */
    static ActionSpace space(boolean messaging, boolean teamView, boolean alone) {
        var tools = new ArrayList<>(List.of(LIST, READ, WRITE, PATCH, TESTS));
        if (messaging && !alone) tools.add(MESSAGE);
        if (teamView && !alone) {
            tools.add(PEER);
            tools.add(DRY_RUN);
        }
        tools.add(SUBMIT_SPEC);
        return new ActionSpace(List.of(ActionKinds.NONE), tools);
    }

    static final ActionSpace DONE = ActionSpace.of(ActionKinds.NONE);
}
