package dev.gatehouse.domain.method;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One "registered security info" entry of the directory audit log: the only record of when a phone, email or
 * software OATH method was added, since Graph v1.0 gives those methods no {@code createdDateTime}.
 *
 * @param at          when the method was registered ({@code activityDateTime})
 * @param reason      the entry's own words ({@code resultReason}), e.g. "User registered Mobile Phone SMS"
 * @param type        the method type the words name; {@link MethodType#UNKNOWN} when they name none Gatehouse knows
 * @param phoneType   the phone's type when the words say it, else null
 * @param initiatedBy who registered it: the person's user principal name, or the app's name; null if unknown
 * @param ipAddress   where the registration came from, when the log says so; else null
 */
public record RegistrationEvent(Instant at, String reason, MethodType type, PhoneType phoneType, String initiatedBy,
                                String ipAddress) {

    public RegistrationEvent {
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(type, "type");
        initiatedBy = blankToNull(initiatedBy);
        ipAddress = blankToNull(ipAddress);
    }

    /** An audit entry whose method is read from its {@code resultReason} by {@link RegistrationReasons}. */
    public static RegistrationEvent fromAudit(Instant at, String reason, String initiatedBy, String ipAddress) {
        RegistrationReasons.Method method = RegistrationReasons.parse(reason);
        return new RegistrationEvent(at, reason, method.type(), method.phoneType().orElse(null), initiatedBy,
                ipAddress);
    }

    /** False when the words name no method type Gatehouse knows: the entry is kept, but dates nothing. */
    public boolean mapped() {
        return type != MethodType.UNKNOWN;
    }

    public Optional<PhoneType> phone() {
        return Optional.ofNullable(phoneType);
    }

    public Optional<String> initiator() {
        return Optional.ofNullable(initiatedBy);
    }

    public Optional<String> ip() {
        return Optional.ofNullable(ipAddress);
    }

    /** Whether this entry can be the registration of {@code method}: same type and, for phones, no other phone type. */
    public boolean couldBe(AuthMethod method) {
        if (!mapped() || method.type() != type) {
            return false;
        }
        Optional<PhoneType> methodPhone = PhoneType.of(method);
        return phoneType == null || methodPhone.isEmpty() || methodPhone.get() == phoneType;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
