package dev.gatehouse.domain.method;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which method an audit entry's {@code resultReason} names. Microsoft documents the form ("User registered
 * &lt;method&gt;", Entra's combined-registration troubleshooting page) but not the list of names, so the names below
 * are the ones seen in tenants' logs:
 * <ul>
 *   <li>self-service (My Sign-ins): "User registered Authenticator App with Notification and Code", "… Mobile Phone
 *       SMS", "… Alternate Mobile Phone", "… Office Phone", "… Email", "… Passkey (device-bound)", "… Fido";</li>
 *   <li>on someone's behalf: "Admin registered phone method for user", "Admin registered temporary access pass
 *       method for user" — a method type's name followed by "method for user".</li>
 * </ul>
 * An "Authenticator App with Code" (no notifications) is a one-time-code app, which Graph v1.0 lists as a
 * software OATH method; passkeys are what Entra now calls FIDO2 methods. Words that match none of these are not guessed at: they map to {@link MethodType#UNKNOWN}.
 */
public final class RegistrationReasons {

    /** The method an entry names; {@link MethodType#UNKNOWN} when it names none this class knows. */
    public record Method(MethodType type, Optional<PhoneType> phoneType) {
        static final Method UNKNOWN = new Method(MethodType.UNKNOWN, Optional.empty());
    }

    private record Name(String words, MethodType type, PhoneType phoneType) {
    }

    private static final Pattern REGISTERED = Pattern.compile("^\\s*(?:User|Admin) registered (.+?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_NAME = Pattern.compile("^(.+?) method(?: for user)?$", Pattern.CASE_INSENSITIVE);

    /** Self-service names, matched at the start: "Mobile Phone" also covers "Mobile Phone SMS". */
    private static final List<Name> SELF_SERVICE = List.of(
            new Name("Authenticator App with Notification", MethodType.MICROSOFT_AUTHENTICATOR, null),
            new Name("Authenticator App with Code", MethodType.SOFTWARE_OATH, null),
            new Name("Alternate Mobile Phone", MethodType.PHONE, PhoneType.ALTERNATE_MOBILE),
            new Name("Mobile Phone", MethodType.PHONE, PhoneType.MOBILE),
            new Name("Office Phone", MethodType.PHONE, PhoneType.OFFICE),
            new Name("Email", MethodType.EMAIL, null),
            new Name("Passkey", MethodType.FIDO2, null),
            new Name("Fido", MethodType.FIDO2, null));

    private RegistrationReasons() {
    }

    public static Method parse(String reason) {
        Matcher registered = REGISTERED.matcher(reason == null ? "" : reason);
        if (!registered.matches()) {
            return Method.UNKNOWN;
        }
        String what = registered.group(1);
        Matcher typeName = TYPE_NAME.matcher(what);
        if (typeName.matches()) {
            Optional<Method> named = byLabel(typeName.group(1));
            if (named.isPresent()) {
                return named.get();
            }
        }
        return SELF_SERVICE.stream().filter(name -> startsWithWords(what, name.words())).findFirst()
                .map(name -> new Method(name.type(), Optional.ofNullable(name.phoneType())))
                .orElse(Method.UNKNOWN);
    }

    /** "phone", "temporary access pass": a method type's own label, as the entries made for a user use it. */
    private static Optional<Method> byLabel(String label) {
        return Arrays.stream(MethodType.values())
                .filter(t -> t != MethodType.UNKNOWN && t.label().equalsIgnoreCase(label))
                .findFirst().map(t -> new Method(t, Optional.empty()));
    }

    private static boolean startsWithWords(String text, String words) {
        return text.regionMatches(true, 0, words, 0, words.length())
                && (text.length() == words.length() || text.charAt(words.length()) == ' ');
    }
}
