package dev.gatehouse.domain.method;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "User registered Authenticator App with Notification and Code | MICROSOFT_AUTHENTICATOR |",
            "User registered Authenticator App with Notification          | MICROSOFT_AUTHENTICATOR |",
            "User registered Authenticator App with Code                  | SOFTWARE_OATH           |",
            "User registered Mobile Phone SMS                             | PHONE | MOBILE",
            "User registered Mobile Phone                                 | PHONE | MOBILE",
            "User registered Alternate Mobile Phone                       | PHONE | ALTERNATE_MOBILE",
            "User registered Office Phone                                 | PHONE | OFFICE",
            "user registered office phone                                 | PHONE | OFFICE",
            "User registered Email                                        | EMAIL                   |",
            "User registered Passkey (device-bound)                       | FIDO2                   |",
            "User registered Fido                                         | FIDO2                   |",
            "Admin registered phone method for user                       | PHONE                   |",
            "Admin registered temporary access pass method for user       | TEMPORARY_ACCESS_PASS   |",
            "Admin registered Software OATH token method for user         | SOFTWARE_OATH           |",
            "User registered Email method for user                        | EMAIL                   |",
    })
    void namesTheMethodAndThePhoneTypeWhenTheWordsSayIt(String reason, MethodType type, PhoneType phoneType) {
        RegistrationReasons.Method method = RegistrationReasons.parse(reason);

        assertThat(method.type()).isEqualTo(type);
        assertThat(method.phoneType()).isEqualTo(Optional.ofNullable(phoneType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"User registered Security Questions", "User registered App password",
            "User registered all required security info.", "User changed default security info",
            "User registered Emailish thing", "User registered Mobile Phonebook", "Admin registered gadget method for user",
            "registered Email", ""})
    void wordsItDoesNotKnowAreKeptButNotGuessedAt(String reason) {
        RegistrationEvent event = RegistrationEvent.fromAudit(java.time.Instant.EPOCH, reason, "a@b", null);

        assertThat(event.type()).isEqualTo(MethodType.UNKNOWN);
        assertThat(event.mapped()).isFalse();
        assertThat(event.reason()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobile", "alternateMobile", "office", "Alternate mobile"})
    void phoneTypesReadGraphsValuesAndTheirLabels(String text) {
        assertThat(PhoneType.parse(text)).isPresent();
    }
}
