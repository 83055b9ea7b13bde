package dev.gatehouse.domain.tenant;

import java.util.List;
import java.util.Objects;

/**
 * The demo tenant's trainer controls that act on the tenant as a whole (its {@code /_demo/} endpoints, never part of
 * Graph): start the scenario again, and choose which of its admins Gatehouse acts as. Only a demo connection has one.
 * Each call blocks on the loopback server: never on the FX thread.
 */
public interface DemoTrainer {

    /** Reloads the scenario: every change made in the demo tenant is discarded, and the scenario's admin acts again. */
    void reset();

    /** Who Gatehouse acts as now, who the scenario's admin is, and the admins it could act as instead. */
    Actors actors();

    /** From now on (until a reset) Gatehouse acts as this enabled member of the tenant. */
    void actAs(String userPrincipalName);

    /**
     * @param signedInAdmin the user principal name Gatehouse acts as now
     * @param scenarioAdmin the scenario's own admin, whom "back to the scenario's admin" returns to
     * @param admins        the enabled members who hold a directory role, by display name
     */
    record Actors(String signedInAdmin, String scenarioAdmin, List<Admin> admins) {

        public Actors {
            admins = List.copyOf(admins);
        }

        /** True while Gatehouse acts as someone other than the scenario's admin. */
        public boolean switched() {
            return signedInAdmin != null && !signedInAdmin.equalsIgnoreCase(scenarioAdmin);
        }

        /** The admin with this user principal name, when the list holds them. */
        public java.util.Optional<Admin> admin(String userPrincipalName) {
            return admins.stream().filter(a -> a.userPrincipalName().equalsIgnoreCase(userPrincipalName)).findFirst();
        }
    }

    /** An admin Gatehouse can act as, with the names of the roles they hold. */
    record Admin(String userPrincipalName, String displayName, List<String> roles) {

        public Admin {
            Objects.requireNonNull(userPrincipalName, "userPrincipalName");
            displayName = displayName == null || displayName.isBlank() ? userPrincipalName : displayName;
            roles = List.copyOf(roles);
        }

        /** "Patti Fernandez — Authentication Administrator". */
        public String label() {
            return displayName + " \u2014 " + String.join(", ", roles);
        }
    }
}
