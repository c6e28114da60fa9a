package org.parley.environments.counseling;

/**
 * One ground-truth element of a client's CBT cognitive model, as the client could disclose it.
 *
 * @param id       stable id ("automatic-thoughts-2")
 * @param category history, core-belief, intermediate-belief, coping-strategy, situation,
 *                 automatic-thought, emotion or behaviour
 * @param text     the content in the client's words
 * @param depth    0..1: how much trust it takes before the client will say it (situation and
 *                 emotions are shallow, core beliefs deep)
 */
public record CognitiveItem(String id, String category, String text, double depth) {}
