package dev.gatehouse.domain.recovery.incident;

import dev.gatehouse.domain.recovery.incident.IncidentRecord.FoundMethod;
import dev.gatehouse.domain.text.Moments;

/** The record's headings and sentences, worded once for every renderer. */
final class IncidentRecordText {

    static final String NO_SECRETS = "No password or pass is in this record: Gatehouse never records them.";
    static final String FOUND = "What was found";
    static final String DONE = "What was done";
    static final String HANDED = "What the user was handed";
    static final String LEFT = "What is left to do";
    static final String NOTHING_HANDED = "Nothing: Gatehouse on this computer issued no pass or password to the user "
            + "in this period.";

    private IncidentRecordText() {
    }

    static String tenant(IncidentRecord.Tenant tenant) {
        boolean named = tenant.displayName() != null && !tenant.displayName().isBlank();
        if (tenant.label() == null || tenant.label().isBlank() || tenant.label().equals(tenant.displayName())) {
            return named ? tenant.displayName() : "\u2014";
        }
        return named ? tenant.displayName() + ", " + tenant.label() : tenant.label();
    }

    static String foundIntro(IncidentRecord record) {
        int count = record.methods().size();
        int recent = record.recentMethods().size();
        return "The user's authentication methods when the record was made (" + count + "). " + (recent == 0
                ? "None was added in the last " + record.recentWindow().toDays() + " days"
                : recent + (recent == 1 ? " was" : " were") + " added in the last " + record.recentWindow().toDays()
                + " days") + ", not counting a pass or password issued by Gatehouse on this computer. "
                + "\"Registered by\" and \"From\" are the directory audit log's.";
    }

    static String recent(FoundMethod method) {
        if (method.issuedByYou() != null) {
            return "issued from Gatehouse " + Moments.of(method.issuedByYou());
        }
        return method.recent() ? "RECENT" : "no";
    }

    static String auditProblem(String why) {
        return "The directory audit log could not be read, so who registered the methods, and when for phone, email "
                + "and OATH methods, is unknown: " + why;
    }

    static String nothingDone(IncidentRecord record) {
        return "Nothing: this computer's journal has no change to the user since " + Moments.of(record.since())
                + ". Changes made elsewhere (another computer, the Entra admin center) are not in it.";
    }

    /** A dash for what is not known, so an empty cell never reads as "none". */
    static String orDash(String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
