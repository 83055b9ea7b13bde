package dev.gatehouse.domain.policy;

import java.util.Objects;

/**
 * What a method-configuration change replaced, exactly as Graph returned it just before: the body of the
 * {@code PATCH} that restores it. It holds the configuration's {@code @odata.type} and the previous value of every
 * property the change sent (state, targets with all their fields, settings), and nothing else, so restoring it
 * leaves whatever changed since in other properties alone. No secret is ever part of it: it may be journaled.
 *
 * @param configurationId Graph's configuration id ({@code Fido2}, {@code TemporaryAccessPass}, …)
 * @param body            a JSON object, sent as it is
 */
public record MethodConfigurationSnapshot(String configurationId, String body) {

    public MethodConfigurationSnapshot {
        Objects.requireNonNull(configurationId, "configurationId");
        Objects.requireNonNull(body, "body");
    }
}
