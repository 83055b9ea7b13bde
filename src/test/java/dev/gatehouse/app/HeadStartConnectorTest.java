package dev.gatehouse.app;

import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadStartConnectorTest {

    private final List<String> started = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();

    /** Starts a stand-in connection per call, named after its scenario and its turn. */
    private final TenantConnector real = new TenantConnector() {
        @Override
        public TenantConnection connectDemo(String scenario) {
            if (scenario.equals("broken")) {
                throw new IllegalArgumentException("Unknown scenario 'broken'");
            }
            String name = scenario + "#" + started.size();
            started.add(name);
            return (TenantConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{TenantConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "close" -> { closed.add(name); yield null; }
                        case "label", "toString" -> name;
                        default -> null;
                    });
        }

        @Override
        public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void theWindowsFirstConnectionIsTheOneStartedEarlyAndOnlyOnce() {
        HeadStartConnector connector = new HeadStartConnector(real, "baseline", Runnable::run);
        assertThat(started).as("started before anyone asked").containsExactly("baseline#0");

        assertThat(connector.connectDemo("baseline").label()).isEqualTo("baseline#0");
        assertThat(connector.connectDemo("baseline").label()).as("a reload starts a new one").isEqualTo("baseline#1");
        assertThat(closed).isEmpty();
    }

    @Test
    void aHeadStartNobodyTakesIsClosed() {
        HeadStartConnector connector = new HeadStartConnector(real, "baseline", Runnable::run);

        assertThat(connector.connectDemo("compromised").label()).isEqualTo("compromised#1");
        assertThat(closed).containsExactly("baseline#0");
    }

    @Test
    void signingInToARealTenantFirstClosesTheHeadStart() {
        HeadStartConnector connector = new HeadStartConnector(real, "baseline", Runnable::run);

        assertThatThrownBy(() -> connector.connectTenant(null, null)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(closed).containsExactly("baseline#0");
    }

    @Test
    void aFailedStartIsReportedToWhoeverTakesIt() {
        HeadStartConnector connector = new HeadStartConnector(real, "broken", Runnable::run);

        assertThatThrownBy(() -> connector.connectDemo("broken")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown scenario 'broken'");
    }
}
