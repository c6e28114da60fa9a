package org.parley.environments.dialogue.setting;

/**
 * Structured arguments a dialogue action may carry besides its words. Rule-based minds always set
 * them, so the other side reads numbers and intents from {@code Observation.data} instead of
 * parsing text; an LLM mind may set them through its action JSON. Text-only actions still work:
 * goodbyes, politeness and secret disclosures are also recognised in the words.
 */
public final class DialogueArgs {
    /** A price proposed (number). */
    public static final String OFFER = "offer";
    /** {@code true}: accepts the other side's latest offer. */
    public static final String ACCEPT = "accept";
    /** {@code true}: turns down the other side's latest offer. */
    public static final String REJECT = "reject";
    /** What is being asked for (text), or {@code true}. */
    public static final String REQUEST = "request";
    /** {@code true}: grants the pending request. */
    public static final String GRANT = "grant";
    /** {@code true}: grants part of the request (a compromise). */
    public static final String PARTIAL = "partial";
    /** {@code true}: declines the pending request. */
    public static final String DECLINE = "decline";
    /** Index (0-based) into the speaker's secrets, or the secret's text: the speaker lets it out. */
    public static final String DISCLOSE = "disclose";
    /** Topic of small talk (text). */
    public static final String TOPIC = "topic";
    /** {@code true}: the utterance is a question to the other side. */
    public static final String QUESTION = "question";
    /** warm, polite, neutral, curt or hostile. */
    public static final String TONE = "tone";
    /** {@code true}: the utterance is a farewell. */
    public static final String GOODBYE = "goodbye";

    private DialogueArgs() {}
}
