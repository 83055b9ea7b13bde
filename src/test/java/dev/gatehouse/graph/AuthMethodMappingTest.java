package dev.gatehouse.graph;

import com.microsoft.graph.models.AttestationLevel;
import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.AuthenticationMethodCollectionResponse;
import com.microsoft.graph.models.AuthenticationMethodKeyStrength;
import com.microsoft.graph.models.AuthenticationMethodPlatform;
import com.microsoft.graph.models.AuthenticationMethodSignInState;
import com.microsoft.graph.models.AuthenticationPhoneType;
import com.microsoft.graph.models.Fido2AuthenticationMethod;
import com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod;
import com.microsoft.graph.models.PasskeyType;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.PlatformCredentialAuthenticationMethod;
import com.microsoft.graph.models.SoftwareOathAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.WindowsHelloForBusinessAuthenticationMethod;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthMethodMappingTest {

    @Test
    void fido2ShowsNameAndModelAndItsFactsInOrder() {
        Fido2AuthenticationMethod key = new Fido2AuthenticationMethod();
        key.setId("fido-1");
        key.setDisplayName("Red key");
        key.setModel("YubiKey 5 NFC");
        key.setAaGuid("2fc0579f-8113-47ea-b116-555a8db9202a");
        key.setAttestationLevel(AttestationLevel.Attested);
        key.setPasskeyType(PasskeyType.DeviceBound);
        key.setCreatedDateTime(OffsetDateTime.parse("2026-11-20T08:00:00Z"));

        AuthMethod m = AuthMethodMapping.map(key);

        assertThat(m.type()).isEqualTo(MethodType.FIDO2);
        assertThat(m.summary()).isEqualTo("Red key (YubiKey 5 NFC)");
        assertThat(m.created()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(m.details()).containsExactly(
                entry("Model", "YubiKey 5 NFC"), entry("Name", "Red key"), entry("Passkey type", "Device-bound"),
                entry("Attestation", "Attested"), entry("AAGUID", "2fc0579f-8113-47ea-b116-555a8db9202a"));
    }

    @Test
    void authenticatorShowsTheDevice() {
        MicrosoftAuthenticatorAuthenticationMethod app = new MicrosoftAuthenticatorAuthenticationMethod();
        app.setId("a-1");
        app.setDisplayName("iPhone 15");
        app.setDeviceTag("SoftwareTokenActivated");
        app.setPhoneAppVersion("6.8.7");

        AuthMethod m = AuthMethodMapping.map(app);

        assertThat(m.type()).isEqualTo(MethodType.MICROSOFT_AUTHENTICATOR);
        assertThat(m.summary()).isEqualTo("iPhone 15");
        assertThat(m.details()).containsExactly(entry("Device", "iPhone 15"),
                entry("Device tag", "SoftwareTokenActivated"), entry("App version", "6.8.7"));
    }

    @Test
    void phoneShowsNumberTypeAndSmsSignIn() {
        PhoneAuthenticationMethod phone = new PhoneAuthenticationMethod();
        phone.setId("3179e48a-750b-4051-897c-87b9720928f7");
        phone.setPhoneNumber("+1 2065555555");
        phone.setPhoneType(AuthenticationPhoneType.AlternateMobile);
        phone.setSmsSignInState(AuthenticationMethodSignInState.NotAllowedByPolicy);

        AuthMethod m = AuthMethodMapping.map(phone);

        assertThat(m.summary()).isEqualTo("+1 2065555555 (alternate mobile)");
        assertThat(m.details()).containsExactly(entry("Number", "+1 2065555555"),
                entry("Phone type", "Alternate mobile"), entry("SMS sign-in", "Not allowed by policy"));
    }

    @Test
    void temporaryAccessPassShowsItsStateButNeverTheCode() {
        TemporaryAccessPassAuthenticationMethod tap = new TemporaryAccessPassAuthenticationMethod();
        tap.setId("tap-1");
        tap.setTemporaryAccessPass("TAPSECRET1");
        tap.setStartDateTime(OffsetDateTime.parse("2026-11-22T09:00:00Z"));
        tap.setLifetimeInMinutes(60);
        tap.setIsUsableOnce(true);
        tap.setIsUsable(false);
        tap.setMethodUsabilityReason("Expired");

        AuthMethod m = AuthMethodMapping.map(tap);

        assertThat(m.summary()).isEqualTo("Not usable (expired), one-time, 60 min");
        assertThat(m.details()).containsExactly(entry("Starts", "22 Nov 2026, 09:00 UTC"),
                entry("Lifetime", "60 minutes"), entry("One-time", "Yes"), entry("Usable", "No"),
                entry("Reason", "Expired"));
        assertThat(m.toString()).doesNotContain("TAPSECRET1");
    }

    @Test
    void softwareOathNeverShowsItsSecretKey() {
        SoftwareOathAuthenticationMethod oath = new SoftwareOathAuthenticationMethod();
        oath.setId("oath-1");
        oath.setSecretKey("JBSWY3DPEHPK3PXP");

        AuthMethod m = AuthMethodMapping.map(oath);

        assertThat(m.type()).isEqualTo(MethodType.SOFTWARE_OATH);
        assertThat(m.toString()).doesNotContain("JBSWY3DPEHPK3PXP");
    }

    @Test
    void windowsHelloAndPlatformCredentialShowDeviceAndKeyStrength() {
        WindowsHelloForBusinessAuthenticationMethod hello = new WindowsHelloForBusinessAuthenticationMethod();
        hello.setId("w-1");
        hello.setDisplayName("Jordan's Surface Book");
        hello.setKeyStrength(AuthenticationMethodKeyStrength.Normal);
        PlatformCredentialAuthenticationMethod mac = new PlatformCredentialAuthenticationMethod();
        mac.setId("p-1");
        mac.setDisplayName("Ada's MacBook");
        mac.setPlatform(AuthenticationMethodPlatform.MacOS);
        mac.setKeyStrength(AuthenticationMethodKeyStrength.Weak);

        assertThat(AuthMethodMapping.map(hello).details()).containsExactly(
                entry("Device", "Jordan's Surface Book"), entry("Key strength", "Normal"));
        assertThat(AuthMethodMapping.map(mac).details()).containsExactly(
                entry("Device", "Ada's MacBook"), entry("Platform", "macOS"), entry("Key strength", "Weak"));
    }

    @Test
    void parsesEveryV1TypeFromGraphJsonAndKeepsUnknownTypesVisible() {
        String json = "{\"value\":["
                + "{\"@odata.type\":\"#microsoft.graph.passwordAuthenticationMethod\",\"id\":\"28c10230-6103-485e-b985-444c60001490\",\"createdDateTime\":\"2026-01-05T10:00:00Z\"},"
                + "{\"@odata.type\":\"#microsoft.graph.emailAuthenticationMethod\",\"id\":\"e\",\"emailAddress\":\"ada@example.com\"},"
                + "{\"@odata.type\":\"#microsoft.graph.fido2AuthenticationMethod\",\"id\":\"f\",\"displayName\":\"Red key\",\"model\":\"NFC key\",\"attestationLevel\":\"attested\"},"
                + "{\"@odata.type\":\"#microsoft.graph.windowsHelloForBusinessAuthenticationMethod\",\"id\":\"w\",\"displayName\":\"Surface\",\"keyStrength\":\"normal\"},"
                + "{\"@odata.type\":\"#microsoft.graph.platformCredentialAuthenticationMethod\",\"id\":\"p\",\"displayName\":\"Mac\",\"platform\":\"macOS\",\"keyStrength\":\"normal\"},"
                + "{\"@odata.type\":\"#microsoft.graph.externalAuthenticationMethod\",\"id\":\"x\",\"displayName\":\"Duo\",\"configurationId\":\"cfg\"},"
                + "{\"@odata.type\":\"#microsoft.graph.qrCodePinAuthenticationMethod\",\"id\":\"q\"},"
                + "{\"@odata.type\":\"#microsoft.graph.hardwareOathAuthenticationMethod\",\"id\":\"h\"},"
                + "{\"@odata.type\":\"#microsoft.graph.someFutureAuthenticationMethod\",\"id\":\"z\"}"
                + "]}";
        List<AuthenticationMethod> parsed = new JsonParseNodeFactory()
                .getParseNode("application/json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
                .getObjectValue(AuthenticationMethodCollectionResponse::createFromDiscriminatorValue).getValue();

        List<AuthMethod> methods = parsed.stream().map(AuthMethodMapping::map).toList();

        assertThat(methods).extracting(AuthMethod::type).containsExactly(MethodType.PASSWORD, MethodType.EMAIL,
                MethodType.FIDO2, MethodType.WINDOWS_HELLO_FOR_BUSINESS, MethodType.PLATFORM_CREDENTIAL,
                MethodType.EXTERNAL, MethodType.QR_CODE_PIN, MethodType.HARDWARE_OATH, MethodType.UNKNOWN);
        assertThat(methods.get(0).created()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(methods.get(1).summary()).isEqualTo("ada@example.com");
        assertThat(methods.get(5).detail("Configuration id")).isEqualTo("cfg");
        assertThat(methods.get(7).summary()).isEqualTo("Hardware OATH token");
        assertThat(methods.get(8).summary()).contains("#microsoft.graph.someFutureAuthenticationMethod");
        assertThat(methods.get(8).detail("Graph type")).isEqualTo("#microsoft.graph.someFutureAuthenticationMethod");
    }

    @Test
    void camelCaseEnumValuesReadAsWords() {
        assertThat(AuthMethodMapping.words("phoneNumberNotUnique")).isEqualTo("Phone number not unique");
        assertThat(AuthMethodMapping.words("notAttested")).isEqualTo("Not attested");
        assertThat(AuthMethodMapping.words("NotYetValid")).isEqualTo("Not yet valid");
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
