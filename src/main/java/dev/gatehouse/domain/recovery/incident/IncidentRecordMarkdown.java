package dev.gatehouse.domain.recovery.incident;

import dev.gatehouse.domain.recovery.incident.IncidentRecord.Action;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.FoundMethod;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.HandOver;
import dev.gatehouse.domain.text.InertText;
import dev.gatehouse.domain.text.Moments;

/**
 * The record as Markdown, for a ticket: readable as plain text, tables where a ticket system renders them. Every text
 * from the tenant or the journal is inert ({@link InertText}) and has Markdown's markup characters escaped, so a name
 * holding markup or HTML shows as the name it is.
 */
public final class IncidentRecordMarkdown {

    private IncidentRecordMarkdown() {
    }

    public static String render(IncidentRecord record) {
        StringBuilder md = new StringBuilder(4096);
        IncidentRecord.User user = record.user();
        md.append("# Incident record: ").append(text(name(user))).append("\n\n");
        md.append(IncidentRecordText.NO_SECRETS).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "User", text(name(user)));
        row(md, "Sign-in name", text(IncidentRecordText.orDash(user.userPrincipalName())));
        row(md, "Object id", text(IncidentRecordText.orDash(user.id())));
        row(md, "Account", user.accountEnabled() ? "enabled" : "disabled");
        row(md, "Tenant", text(IncidentRecordText.tenant(record.tenant())) + " ("
                + text(IncidentRecordText.orDash(record.tenant().id())) + ")");
        row(md, "Made", Moments.of(record.made()) + " by " + text(record.madeBy()));
        row(md, "Actions since", Moments.of(record.since()));

        md.append("\n## ").append(IncidentRecordText.FOUND).append("\n\n");
        md.append(IncidentRecordText.foundIntro(record)).append("\n\n");
        if (!record.methods().isEmpty()) {
            md.append("| Method | Registered | Recent | Registered by | From |\n|---|---|---|---|---|\n");
            for (FoundMethod method : record.methods()) {
                md.append("| ").append(text(IncidentRecords.describe(method))).append(" | ")
                        .append(text(method.explanation())).append(" | ").append(IncidentRecordText.recent(method))
                        .append(" | ").append(text(IncidentRecordText.orDash(method.initiatedBy()))).append(" | ")
                        .append(text(IncidentRecordText.orDash(method.ipAddress()))).append(" |\n");
            }
        }
        record.auditProblem().ifPresent(why -> md.append("\n").append(text(IncidentRecordText.auditProblem(why)))
                .append("\n"));

        md.append("\n## ").append(IncidentRecordText.DONE).append("\n\n");
        if (record.actions().isEmpty()) {
            md.append(IncidentRecordText.nothingDone(record)).append("\n");
        } else {
            md.append("| When | By | Plan | Step | Outcome | Details |\n|---|---|---|---|---|---|\n");
            for (Action action : record.actions()) {
                md.append("| ").append(Moments.of(action.at())).append(" | ").append(text(action.actor()))
                        .append(" | ").append(text(action.plan())).append(" | ").append(text(action.title()))
                        .append(" | ").append(action.outcome().label()).append(" | ").append(text(action.message()))
                        .append(" |\n");
            }
        }

        md.append("\n## ").append(IncidentRecordText.HANDED).append("\n\n");
        if (record.handedOver().isEmpty()) {
            md.append(IncidentRecordText.NOTHING_HANDED).append("\n");
        }
        for (HandOver handOver : record.handedOver()) {
            md.append("- ").append(Moments.of(handOver.at())).append(", ").append(text(handOver.kind().label()))
                    .append(": ").append(text(handOver.description())).append("\n");
        }

        md.append("\n## ").append(IncidentRecordText.LEFT).append("\n\n");
        for (String item : record.leftToDo()) {
            md.append("- [ ] ").append(text(item)).append("\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(label).append(" | ").append(value).append(" |\n");
    }

    static String name(IncidentRecord.User user) {
        boolean named = user.displayName() != null && !user.displayName().isBlank();
        return named ? user.displayName() : IncidentRecordText.orDash(user.userPrincipalName());
    }



    /** On one line, inert, with every character Markdown (or the HTML it may hold) would read as markup escaped. */
    static String text(String text) {
        String inert = InertText.escape(text == null ? "" : text);
        StringBuilder out = new StringBuilder(inert.length() + 8);
        for (char c : inert.toCharArray()) {
            if ("\\`*_[]<>|&~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
