package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.StepStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user's Temporary Access Pass and password that the signed-in admin issued from Gatehouse on this computer, as
 * its journal records them: new, yet not "recently added, check they are the user's own", since this admin made them.
 *
 * @param at when each was issued, by method id
 */
public record IssuedHere(Map<String, Instant> at) {

    public static final IssuedHere NONE = new IssuedHere(Map.of());

    /** The password method's date is when Graph changed it; the journal's entry follows within moments of that. */
    private static final Duration SAME_RESET = Duration.ofMinutes(5);

    public IssuedHere {
        at = Map.copyOf(at);
    }

    /**
     * @param journal this computer's journal
     * @param actor   the signed-in admin as the journal names them (user principal name, else object id)
     */
    public static IssuedHere find(List<JournalEntry> journal, String tenant, String actor, String targetId,
                                  List<AuthMethod> methods) {
        List<JournalEntry> done = journal.stream().filter(entry -> Objects.equals(tenant, entry.tenant())
                && actor.equalsIgnoreCase(entry.actor()) && targetId.equalsIgnoreCase(entry.targetId())
                && StepStatus.DONE.name().equals(entry.status())).toList();
        Map<String, Instant> issued = new HashMap<>();
        for (AuthMethod method : methods) {
            if (method.type() == MethodType.TEMPORARY_ACCESS_PASS) {
                done.stream().filter(entry -> method.id().equals(entry.after().get("temporaryAccessPassId")))
                        .findFirst().ifPresent(entry -> issued.put(method.id(), entry.at()));
            } else if (method.type() == MethodType.PASSWORD && method.created() != null) {
                done.stream().filter(entry -> HandOversByOthers.RESET.equals(entry.step())
                                && Duration.between(method.created(), entry.at()).abs().compareTo(SAME_RESET) <= 0)
                        .reduce((first, later) -> later).ifPresent(entry -> issued.put(method.id(), entry.at()));
            }
        }
        return new IssuedHere(issued);
    }

    /** When the signed-in admin issued {@code method} from Gatehouse; empty when they did not. */
    public Optional<Instant> of(AuthMethod method) {
        return Optional.ofNullable(at.get(method.id()));
    }
}
