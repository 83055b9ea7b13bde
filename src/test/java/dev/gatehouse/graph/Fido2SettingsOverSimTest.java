package dev.gatehouse.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.policy.Fido2Settings;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.sim.SimOptions;
import dev.gatehouse.sim.SimServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The FIDO2 configuration's settings as the demo tenant serves them, read over HTTP through the real SDK. */
class Fido2SettingsOverSimTest {

    private static final String ADMIN = "adele.vance@tailspintoys.com";

    private final SimServer sim = SimServer.start(SimOptions.defaults());
    private final SimGateways gateways = new SimGateways();

    @AfterEach
    void close() {
        gateways.close();
        sim.close();
    }

    private Fido2Settings read() {
        return gateways.actingAs(sim, ADMIN).directory().methodsPolicy().fido2().orElseThrow();
    }

    @Test
    void onBaselineSelfServiceIsAllowedAndNoKeyIsRestricted() {
        Fido2Settings fido2 = read();

        assertThat(fido2.selfServiceRegistrationAllowed()).isTrue();
        assertThat(fido2.attestationEnforced()).isFalse();
        assertThat(fido2.keyRestrictions().enforced()).isFalse();
    }

    @Test
    void restrictionsSetInTheTenantAreReadAsTheTenantEnforcesThem() {
        sim.state().write(() -> {
            ObjectNode configuration = sim.state().authenticationMethodConfiguration("Fido2").orElseThrow();
            configuration.put("isSelfServiceRegistrationAllowed", false);
            ObjectNode restrictions = (ObjectNode) configuration.path("keyRestrictions");
            restrictions.put("isEnforced", true).put("enforcementType", "allow");
            restrictions.putArray("aaGuids").add("EE882879-721C-4913-9775-3DFCCE97072A");
            return null;
        });

        Fido2Settings fido2 = read();

        assertThat(fido2.selfServiceRegistrationAllowed()).isFalse();
        assertThat(fido2.keyRestrictions()).isEqualTo(new KeyRestrictions(true, KeyRestrictions.Enforcement.ALLOW,
                Set.of("ee882879-721c-4913-9775-3dfcce97072a")));
        assertThat(fido2.keyRestrictions().allows("2fc0579f-8113-47ea-b116-555a8db9202a")).isFalse();
    }
}
