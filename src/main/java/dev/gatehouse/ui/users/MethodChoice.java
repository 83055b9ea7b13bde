package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.ui.common.TimeText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.ZoneId;

/**
 * One of the user's methods in the compromised-account playbook, with the admin's mark "not the user's — delete".
 *
 * @param label      "Microsoft Authenticator · SM-A546B"
 * @param added      "Added yesterday (22 Nov 2026, 10:14)", or that Graph reports no date for this type
 * @param recent     added within the context's recent window: preselected, an attacker's first move
 * @param markable   false for the password (the playbook resets it) and types Graph v1.0 cannot delete
 * @param otherwise  what happens to the method when it is not marked
 */
public record MethodChoice(String id, String label, String added, boolean recent, boolean markable, String otherwise,
                           BooleanProperty marked) {

    static MethodChoice of(AuthMethod method, RecoveryContext context, boolean marked, ZoneId zone) {
        String label = method.summary().isBlank() || method.summary().equals(method.type().label())
                ? method.type().label() : method.type().label() + " \u00b7 " + method.summary();
        String added = method.created() == null ? "No date in Graph for this type"
                : "Added " + TimeText.age(method.created(), context.now(), zone);
        boolean markable = method.type() != MethodType.PASSWORD && method.type().deletableInV1();
        String otherwise;
        if (method.type() == MethodType.PASSWORD) {
            otherwise = "The password cannot be deleted; the playbook can reset it.";
        } else if (!method.type().deletableInV1()) {
            otherwise = "Graph v1.0 cannot delete this type; remove it in the Entra admin center if it is not theirs.";
        } else if (method.type().reRegisterEffect() == MethodType.ReRegisterEffect.DELETED) {
            otherwise = "Unmarked, it is deleted anyway by \u201cRequire re-register MFA\u201d.";
        } else {
            otherwise = "Unmarked, it stays.";
        }
        return new MethodChoice(method.id(), label, added, context.recent(method), markable, otherwise,
                new SimpleBooleanProperty(markable && marked));
    }
}
