package org.parley.environments.socialveil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.parley.environments.spi.EnvironmentType;

class ServiceRegistrationTest {

    @Test
    void bothEnvironmentTypesAreFoundByTheServiceLoader() {
        var names = ServiceLoader.load(EnvironmentType.class).stream().map(p -> p.get().name()).toList();
        assertThat(names).contains("socialveil", "counseling");
    }
}
