package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.policy.KeyRestrictions;
import dev.gatehouse.domain.tenant.UserDetail;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A FIDO2 key found on an emergency-access account: which account, and the key as Graph lists it (model, AAGUID,
 * when it was registered). Also the rule for keys that look like one physical key registered twice.
 *
 * @param account "Emergency Access 01 (bg-admin-01@…)"
 */
public record KeyArrival(String userId, String account, AuthMethod key) {

    /**
     * Two registrations of the same model this close together suggest one key registered to two accounts: a person
     * registering two keys one after the other needs at least the time to sign out, sign in with the second pass and
     * swap keys, which is rarely under a couple of minutes but easily within a few.
     */
    public static final Duration SAME_MOMENT = Duration.ofMinutes(5);

    public KeyArrival {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(key, "key");
        if (key.type() != MethodType.FIDO2) {
            throw new IllegalArgumentException("A key arrival is a FIDO2 method, not " + key.type().label());
        }
    }

    /** The key's model as Graph gives it; the method's summary when Graph gave none. */
    public String model() {
        String model = key.detail("Model");
        return model == null || model.isBlank() ? key.summary() : model;
    }

    /** The authenticator's AAGUID: it names the make and model, not the individual key. Null when Graph gave none. */
    public String aaGuid() {
        return key.detail("AAGUID");
    }

    /** Every FIDO2 key of {@code account}, in the order Graph lists them. */
    public static List<KeyArrival> of(UserDetail account) {
        return account.methods().stream().filter(m -> m.type() == MethodType.FIDO2)
                .map(key -> new KeyArrival(account.profile().id(), AccountRoster.label(account), key)).toList();
    }

    /** "Emergency Access 01 (…): YubiKey 5 NFC, AAGUID 2fc0…, registered 2 Mar 2026, 09:04 UTC". */
    public String describe() {
        return account + ": " + model() + (aaGuid() == null ? "" : ", AAGUID " + aaGuid())
                + (key.created() == null ? ", registration time not reported" : ", registered "
                + Moments.of(key.created()));
    }

    /**
     * One warning for each pair of keys on different accounts with the same AAGUID registered within
     * {@link #SAME_MOMENT} of each other. The same model on every account is normal (keys are bought together); the
     * same moment is what suggests one physical key, which would leave both accounts with a single point of loss.
     */
    public static List<String> sameKeyWarnings(List<KeyArrival> keys) {
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                KeyArrival a = keys.get(i);
                KeyArrival b = keys.get(j);
                if (looksLikeOneKey(a, b)) {
                    warnings.add(a.account + " and " + b.account + " each had a " + a.model() + " (AAGUID "
                            + a.aaGuid() + ") registered within " + SAME_MOMENT.toMinutes() + " minutes of each other ("
                            + Moments.of(a.key.created()) + " and " + Moments.of(b.key.created()) + "). The AAGUID names "
                            + "the model, not the key, so the same model is normal; the same moment suggests the same "
                            + "physical key was registered to both. Check that each account has its own key: sign in "
                            + "to each with the key meant for it, and keep the keys in separate places.");
                }
            }
        }
        return warnings;
    }

    /** Whether the FIDO2 key restrictions refuse this key's model, which Entra then refuses at sign-in too. */
    public boolean refusedBy(KeyRestrictions restrictions) {
        return BlockedKeys.blocked(key, restrictions);
    }

    /** One warning for each key whose model the FIDO2 key restrictions refuse: it is no way in. */
    public static List<String> refusedKeyWarnings(List<KeyArrival> keys, KeyRestrictions restrictions) {
        return keys.stream().filter(k -> k.refusedBy(restrictions)).map(k -> k.account + ": the " + k.model()
                + " (AAGUID " + k.aaGuid() + ") is of a model " + BlockedKeys.why(restrictions) + " of the FIDO2 key "
                + "restrictions, so Entra will not let it sign in. Allow the model in " + BlockedKeys.WHERE + ", or "
                + "register a key of an allowed model and delete this one.").toList();
    }

    private static boolean looksLikeOneKey(KeyArrival a, KeyArrival b) {
        if (a.userId.equalsIgnoreCase(b.userId) || a.aaGuid() == null || b.aaGuid() == null
                || a.key.created() == null || b.key.created() == null) {
            return false;
        }
        return a.aaGuid().toLowerCase(Locale.ROOT).equals(b.aaGuid().toLowerCase(Locale.ROOT))
                && Duration.between(a.key.created(), b.key.created()).abs().compareTo(SAME_MOMENT) <= 0;
    }
}
