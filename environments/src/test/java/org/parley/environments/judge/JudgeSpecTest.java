package org.parley.environments.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.models.GatewayOptions;
import org.parley.models.Gateways;
import org.parley.models.ModelSpec;
import org.parley.models.Provider;

class JudgeSpecTest {
    @Test
    void bindsAJudgesEntryAndResolvesRubricAndModel() throws Exception {
        var spec = new ObjectMapper(new YAMLFactory()).readValue("{rubric: sotopia-7, model: judge, max-repairs: 1}", JudgeSpec.class);
        try (var gateways = new Gateways(List.of(ModelSpec.of("judge", Provider.OPENAI_COMPATIBLE, "m", "http://127.0.0.1:9/v1")),
                GatewayOptions.defaults())) {
            Judge judge = spec.toJudge(gateways::get, null);
            assertThat(judge.rubric().name()).isEqualTo("sotopia-7");
        }
        assertThatThrownBy(() -> new JudgeSpec("sotopia-7", null, null, null, null)).hasMessageContaining("judges[].model");
    }
}
