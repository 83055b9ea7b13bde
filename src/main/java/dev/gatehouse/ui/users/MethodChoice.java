package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.ui.common.TimeText;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;

import java.time.ZoneId;

/**
 * One of the user's methods in the compromised-account playbook, with the admin's mark "not the user's — delete".
 *
 * @param label      "Microsoft Authenticator · SM-A546B"
 * @param added      "Added yesterday (22 Nov 2026, 10:14)", dated as the methods table dates it: by Graph or, for
 *                   types Graph leaves undated, by the directory audit log; or why the date is unknown
 * @param recent     added within the context's recent window: preselected, an attacker's first move
 * @param markable   false for the password (the playbook resets it) and types Graph v1.0 cannot delete
 * @param ifMarked   what the plan does with the method while it is marked
 * @param ifUnmarked what happens to the method while it is not marked
 */
public record MethodChoice(String id, String label, String added, boolean recent, boolean markable, String ifMarked,
                           String ifUnmarked, BooleanProperty marked) {

    static MethodChoice of(AuthMethod method, RecoveryContext context, boolean marked, ZoneId zone) {
        String label = method.summary().isBlank() || method.summary().equals(method.type().label())
                ? method.type().label() : method.type().label() + " \u00b7 " + method.summary();
        boolean markable = method.type() != MethodType.PASSWORD && method.type().deletableInV1();
        String ifUnmarked;
        if (method.type() == MethodType.PASSWORD) {
            ifUnmarked = "The password cannot be deleted; the playbook can reset it.";
        } else if (!method.type().deletableInV1()) {
            ifUnmarked = "Graph v1.0 cannot delete this type; remove it in the Entra admin center if it is not theirs.";
        } else if (method.type().reRegisterEffect() == MethodType.ReRegisterEffect.DELETED) {
            ifUnmarked = "Unmarked, it is deleted anyway by \u201cRequire re-register MFA\u201d.";
        } else {
            ifUnmarked = "Unmarked, it stays.";
        }
        String ifMarked = markable ? "Marked as not the user's: it is deleted first, with the other marked methods."
                : ifUnmarked;
        String added = context.issuedHere().of(method).map(at -> MethodRow.issuedByYou(at, zone))
                .orElseGet(() -> added(context.registration(method), context, zone));
        return new MethodChoice(method.id(), label, added,
                context.recent(method), markable, ifMarked, ifUnmarked, new SimpleBooleanProperty(markable && marked));
    }

    /** The same date and source as the methods table shows for the method. */
    private static String added(RegistrationDate registration, RecoveryContext context, ZoneId zone) {
        return registration.date().map(at -> "Added " + TimeText.age(at, context.now(), zone)
                        + (registration.source() == RegistrationDate.Source.AUDIT_LOG
                        ? ", dated from the directory audit log" : ""))
                .orElseGet(() -> "Date unknown: " + registration.explanation().replaceFirst("^at an unknown time: ", "") + ".");
    }

    /** What becomes of the method, following the mark. */
    public ObservableStringValue fate() {
        return Bindings.when(marked).then(ifMarked).otherwise(ifUnmarked);
    }
}
