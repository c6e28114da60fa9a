package org.parley.scenarios.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.agents.persona.Persona;
import org.parley.runtime.protocol.TurnProtocol;
import org.parley.runtime.run.Limits;

/**
 * A scenario bound for one condition: everything the run planner needs, typed.
 *
 * @param llm the {@code models:} and {@code judges:} sections ({@link LlmSection#NONE} without them)
 */
public record Scenario(
        String name, String description, BoundEnvironment environment, TurnProtocol protocol, Limits limits,
        Map<String, Persona> personas, List<AgentSpec> agents, int episodes, long seed, int parallel,
        OutputSpec output, MonitoringSpec monitoring, LlmSection llm) {

    public Scenario {
        personas = Collections.unmodifiableMap(new LinkedHashMap<>(personas));
        agents = List.copyOf(agents);
        llm = llm == null ? LlmSection.NONE : llm;
    }

    public List<String> agentIds() {
        return agents.stream().map(AgentSpec::id).toList();
    }
}
