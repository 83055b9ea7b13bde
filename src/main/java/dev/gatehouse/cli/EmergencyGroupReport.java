package dev.gatehouse.cli;

import dev.gatehouse.domain.emergency.ChosenGroupReport;
import dev.gatehouse.domain.emergency.Discovery;
import dev.gatehouse.domain.emergency.EmergencyGroupSettings;
import dev.gatehouse.domain.emergency.Evidence;
import dev.gatehouse.domain.emergency.GroupEvidence;
import dev.gatehouse.domain.tenant.TenantInfo;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What 'breakglass group' prints, and its --json shape: the change made (if any), the chosen group with its evidence,
 * the other proposals, the groups considered, and what could not be checked.
 *
 * @param change     what --set or --forget did; null when neither was given
 * @param chosen     empty when no group is chosen
 * @param proposals  discovery's proposals other than the chosen group
 * @param considered groups close to a proposal, other than the chosen group
 */
record EmergencyGroupReport(String tenantId, String tenant, String change, Optional<Chosen> chosen,
                            List<GroupEvidence> proposals, List<GroupEvidence> considered,
                            Map<String, String> couldNotCheck, String note) {

    /** The chosen group: where it comes from and how it stands. */
    record Chosen(String groupId, String displayName, String origin, List<Evidence> evidence,
                  Optional<String> problem) {
    }

    /** @param tenant the connection's label, as every other message names the tenant */
    static EmergencyGroupReport of(String tenant, TenantInfo info, String change, Discovery discovery) {
        Optional<Chosen> chosen = discovery.chosen().map(EmergencyGroupReport::chosen);
        String chosenId = chosen.map(Chosen::groupId).orElse("");
        return new EmergencyGroupReport(info.id(), tenant, change, chosen,
                discovery.proposals().stream().filter(p -> !p.group().id().equalsIgnoreCase(chosenId)).toList(),
                discovery.considered().stream().filter(p -> !p.group().id().equalsIgnoreCase(chosenId)).toList(),
                discovery.unreadable(), EmergencyGroupSettings.LOCAL_ONLY);
    }

    private static Chosen chosen(ChosenGroupReport report) {
        var group = report.choice().group().orElseThrow();
        return new Chosen(group.id(), report.evidence().map(e -> e.group().displayName()).orElse(group.displayName()),
                report.choice().origin().orElseThrow().phrase(),
                report.evidence().map(GroupEvidence::points).orElse(List.of()), report.problem());
    }

    void print(PrintWriter out) {
        out.println("Emergency-access group of " + tenant + " (tenant id " + tenantId + ")");
        if (change != null) {
            Wrap.print(out, "", "", change);
        }
        out.println();
        chosen.ifPresentOrElse(c -> {
            Wrap.print(out, "Chosen: ", "        ", c.displayName() + " (id " + c.groupId() + "), " + c.origin());
            c.problem().ifPresent(problem -> Wrap.print(out, "  !! ", "     ", problem));
            points(out, c.evidence());
        }, () -> Wrap.print(out, "", "", "No emergency-access group is chosen for this tenant: Gatehouse treats no "
                + "account as an emergency account, and only warns when a name looks like one."));
        if (!proposals.isEmpty()) {
            out.println();
            Wrap.print(out, "", "", (chosen.isPresent() ? "Other proposals" : "Proposals") + " from discovery: nothing "
                    + "is assumed until you choose one with 'gatehouse breakglass group --set ID'.");
            groups(out, proposals, true);
        } else if (chosen.isEmpty()) {
            out.println();
            Wrap.print(out, "", "", "Discovery proposes no group: none is role-assignable with only Global "
                    + "Administrators as members and excluded from Conditional Access.");
        }
        if (!considered.isEmpty()) {
            out.println();
            out.println("Considered, not proposed:");
            groups(out, considered, false);
        }
        if (!couldNotCheck.isEmpty()) {
            out.println();
            out.println("Could not check:");
            couldNotCheck.forEach((what, why) -> Wrap.print(out, "  " + what + ": ", "    ", why));
        }
        out.println();
        Wrap.print(out, "", "", note);
    }

    private static void groups(PrintWriter out, List<GroupEvidence> groups, boolean numbered) {
        for (int i = 0; i < groups.size(); i++) {
            GroupEvidence group = groups.get(i);
            Wrap.print(out, numbered ? "  " + (i + 1) + ". " : "  - ", "     ", group.label());
            points(out, group.points());
        }
    }

    private static void points(PrintWriter out, List<Evidence> points) {
        for (Evidence point : points) {
            Wrap.print(out, "     " + String.format("%-4s", point.finding().word()) + " ", "          ", point.text());
        }
    }
}
