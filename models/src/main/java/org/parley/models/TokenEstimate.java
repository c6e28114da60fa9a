package org.parley.models;

/**
 * A provider-neutral token estimate used to reserve tokens-per-minute before a call (the real count
 * is known only afterwards and reconciles the reservation). About four characters per token for
 * English, plus a few tokens of framing per message.
 */
final class TokenEstimate {
    private static final int PER_MESSAGE = 4;

    private TokenEstimate() {}

    static long ofText(String text) {
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    static long ofCall(ModelCall call) {
        long n = 3;
        for (PromptMessage m : call.messages()) {
            n += PER_MESSAGE + ofText(m.text());
            for (ToolCall c : m.toolCalls()) {
                n += ofText(c.name()) + ofText(c.arguments());
            }
        }
        for (var t : call.tools()) {
            n += ofText(t.name()) + ofText(t.description()) + ofText(t.parametersSchema());
        }
        return n;
    }
}
