package dev.gatehouse.domain.policy;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the tenant's authentication methods policy ({@code authenticationMethodConfigurations}).
 *
 * @param id Graph's configuration id: {@code Fido2}, {@code MicrosoftAuthenticator}, {@code Sms},
 *           {@code TemporaryAccessPass}, {@code SoftwareOath}, {@code Email}, {@code Voice}, …
 */
public record MethodConfiguration(String id, boolean enabled, List<PolicyTarget> includeTargets,
                                  List<PolicyTarget> excludeTargets) {

    public MethodConfiguration {
        Objects.requireNonNull(id, "id");
        includeTargets = List.copyOf(includeTargets);
        excludeTargets = List.copyOf(excludeTargets);
    }
}
