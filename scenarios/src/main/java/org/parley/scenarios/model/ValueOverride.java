package org.parley.scenarios.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One dotted override, {@code agents.seller.mind.params.concession-rate: 0.02}.
 *
 * @param path  dotted path; {@code agents.<id>} addresses an agent by id
 * @param value the new value
 * @param where where the override was written (a condition's {@code set}, a grid level, {@code --set})
 */
public record ValueOverride(String path, JsonNode value, SourceLocation where) {}
