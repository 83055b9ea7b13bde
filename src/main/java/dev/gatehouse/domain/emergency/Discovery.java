package dev.gatehouse.domain.emergency;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tenant shows about its emergency-access group: the chosen one (if any) weighed against the tenant, the
 * groups discovery proposes for the admin to confirm, the groups it considered and did not propose, and the reads it
 * could not make. A proposal is never the choice: until the admin confirms it, nothing treats it as fact.
 *
 * @param chosen     the current choice and its evidence; empty when none is chosen
 * @param proposals  best first
 * @param considered close to a proposal but failing one point, with the evidence why
 * @param unreadable what could not be read ("who holds Global Administrator", …) and why
 */
public record Discovery(Optional<ChosenGroupReport> chosen, List<GroupEvidence> proposals,
                        List<GroupEvidence> considered, Map<String, String> unreadable) {

    public Discovery {
        chosen = chosen == null ? Optional.empty() : chosen;
        proposals = List.copyOf(proposals);
        considered = List.copyOf(considered);
        unreadable = Map.copyOf(unreadable);
    }

    /** "Discovery proposes 1 group." / "Discovery proposes no group: …". */
    public String summary() {
        if (!proposals.isEmpty()) {
            return "Discovery proposes " + (proposals.size() == 1 ? "1 group" : proposals.size() + " groups")
                    + ": a role-assignable group whose members all hold Global Administrator and which Conditional "
                    + "Access excludes. Confirm one to make it the emergency-access group.";
        }
        if (!unreadable.isEmpty()) {
            return "Discovery proposes no group, but it could not check everything: " + String.join("; ",
                    unreadable.keySet()) + " could not be read (see below). Choose the group yourself if you know it.";
        }
        return "Discovery proposes no group: none is role-assignable with only Global Administrators as members and "
                + "excluded from Conditional Access" + (considered.isEmpty() ? "." : " (see the groups considered).");
    }
}
