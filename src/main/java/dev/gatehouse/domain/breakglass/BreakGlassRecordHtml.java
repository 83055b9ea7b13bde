package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.text.HtmlText;
import dev.gatehouse.domain.text.InertText;

import java.util.List;

/**
 * The record as one self-contained page of XHTML: inline CSS sized for one A4 sheet (two to four accounts), to print
 * from a browser or to turn into PDF ({@link BreakGlassRecordPdf}). The document is well-formed XML, so an XML parser
 * reads it as a browser does. Every text that comes from the tenant or the admin is shown inert (hidden and control
 * characters as visible escapes, {@link InertText}) and escaped, so a name holding markup prints as the name it is.
 */
public final class BreakGlassRecordHtml {

    /** What the page is and is not, in one line at its top. */
    public static final String WHAT_IT_IS = "This page records which emergency-access accounts exist, which key "
            + "belongs to which account, and where the keys and password parts are kept. "
            + "No password, pass or key PIN is on this page.";

    /** The most compact layout {@link #render(BreakGlassRecord, int)} knows: smaller type, same content. */
    public static final int MOST_COMPACT = 3;

    /** The font family of the snippets and ids, bundled and embedded in the PDF ({@link BreakGlassRecordPdf}). */
    static final String MONO_FAMILY = "DejaVu Sans Mono";

    /** Body text size, snippet size (pt) and cell padding (mm) for each level of compactness. */
    private static final double[][] SIZES = {{8.5, 6.2, 0.8}, {8.0, 5.6, 0.6}, {7.5, 5.0, 0.5}, {7.0, 4.5, 0.4}};

    static String style(int compact) {
        double[] size = SIZES[Math.max(0, Math.min(MOST_COMPACT, compact))];
        String mono = "'" + MONO_FAMILY + "', Menlo, Consolas, 'Courier New', monospace";
        return String.format(java.util.Locale.ROOT, """
                @page { size: A4; margin: 12mm 13mm 11mm 13mm; }
                html, body { margin: 0; padding: 0; }
                body { font-family: Helvetica, Arial, sans-serif; font-size: %1$.1fpt; line-height: 1.25;
                       color: #000; }
                h1 { font-size: 14pt; margin: 0 0 1mm 0; }
                h2 { font-size: %5$.1fpt; margin: 3mm 0 1.2mm 0; padding-bottom: 0.4mm; border-bottom: 0.8pt solid #000; }
                p { margin: 0 0 1mm 0; }
                .what { border: 1pt solid #000; padding: 1.4mm 2mm; margin: 1.5mm 0 0 0; font-weight: bold; }
                table { border-collapse: collapse; width: 100%%; table-layout: fixed; }
                th, td { text-align: left; vertical-align: top; padding: %3$.1fmm 1.3mm; word-wrap: break-word; }
                table.facts th { width: 17%%; font-weight: normal; color: #333; }
                table.facts td, table.facts th, table.accounts td, table.accounts th { border: 0.5pt solid #999; }
                table.accounts thead th { background: #eee; color: #000; font-weight: bold; }
                .name { font-weight: bold; }
                .id { font-family: %6$s; font-size: %2$.1fpt; }
                .upn { word-wrap: break-word; }
                .blank { display: block; height: 4.6mm; }
                .part { display: block; }
                .part .blank { display: inline-block; width: 70%%; height: 3.8mm; border-bottom: 0.5pt solid #666; }
                .hand { color: #888; font-size: 6.5pt; }
                table.snippets td.snippet { padding: 0 1.2mm 0 0; }
                table.snippets td.snippet.right { padding: 0 0 0 1.2mm; }
                pre { font-family: %6$s; font-size: %2$.1fpt; line-height: 1.18; white-space: pre-wrap;
                      word-wrap: break-word; margin: 0.8mm 0 0 0; padding: 1mm 1.3mm; border: 0.5pt solid #999; }
                .where { font-size: 6.6pt; color: #333; }
                .foot { margin-top: 2.5mm; font-size: 7pt; color: #333; border-top: 0.5pt solid #999; padding-top: 1mm; }
                """, size[0], size[1], size[2], MONO_FAMILY, size[0] + 1, mono);
    }

    private BreakGlassRecordHtml() {
    }

    /** The page as an XHTML document (UTF-8), in its roomiest layout. */
    public static String render(BreakGlassRecord record) {
        return render(record, 0);
    }

    /**
     * The page as an XHTML document (UTF-8).
     *
     * @param compact 0 (roomiest) to {@link #MOST_COMPACT}: smaller type, for records whose accounts have long names
     *                ({@link BreakGlassRecordPdf#fittingLayout} finds the roomiest that fits one page)
     */
    public static String render(BreakGlassRecord record, int compact) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<title>Emergency-access record \u2014 ").append(escape(tenantName(record))).append("</title>\n")
                .append("<style>\n").append(style(compact)).append("</style>\n</head>\n<body>\n");
        header(html, record);
        accounts(html, record);
        checkers(html, record.checkers());
        html.append("<p class=\"foot\">Made with Gatehouse on ").append(DrillSchedule.date(record.made()))
                .append(" by ").append(escapeOr(record.madeBy(), "(unknown)"))
                .append(". Keep this page with the keys. When an account, a key or a place changes, print a new ")
                .append("record and destroy this one.</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, BreakGlassRecord record) {
        BreakGlassRecord.Tenant tenant = record.tenant();
        html.append("<h1>Emergency-access accounts \u2014 record</h1>\n");
        html.append("<table class=\"facts\">\n");
        row(html, "Tenant", escapeOr(tenant.displayName(), "(no name)") + " \u00b7 "
                + escapeOr(tenant.initialDomain(), "(initial domain unknown)") + " \u00b7 <span class=\"id\">"
                + escapeOr(tenant.id(), "(id unknown)") + "</span>");
        row(html, "Group", record.group()
                .map(g -> escapeOr(g.displayName(), "(no name)") + " \u00b7 <span class=\"id\">" + escape(g.id())
                        + "</span>")
                .orElse("No emergency-access group is known: choose or create it, then make a new record."));
        row(html, "Made", DrillSchedule.date(record.made()) + " by " + escapeOr(record.madeBy(), "(unknown)"));
        drill(html, record);
        html.append("</table>\n");
        html.append("<p class=\"what\">").append(escape(BreakGlassRecordHtml.WHAT_IT_IS)).append("</p>\n");
    }

    private static void accounts(StringBuilder html, BreakGlassRecord record) {
        List<BreakGlassRecord.Account> accounts = record.accounts();
        html.append("<h2>Accounts (").append(accounts.size()).append(")</h2>\n");
        if (accounts.isEmpty()) {
            html.append("<p>No emergency-access account is in the group. Run the set-up, then make a new record.</p>\n");
            return;
        }
        boolean parts = record.passwordInTwoParts() || accounts.stream().anyMatch(a -> a.notes().hasPasswordParts());
        html.append("<table class=\"accounts\">\n<colgroup>")
                .append(parts ? "<col style=\"width: 30%\"/><col style=\"width: 24%\"/><col style=\"width: 13%\"/>"
                        + "<col style=\"width: 16%\"/><col style=\"width: 17%\"/>"
                        : "<col style=\"width: 34%\"/><col style=\"width: 28%\"/><col style=\"width: 16%\"/>"
                        + "<col style=\"width: 22%\"/>")
                .append("</colgroup>\n<thead><tr><th>Account</th><th>FIDO2 key</th><th>Key label</th>"
                        + "<th>Key kept at</th>").append(parts ? "<th>Password parts kept at</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        for (BreakGlassRecord.Account account : accounts) {
            account(html, account, parts);
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void account(StringBuilder html, BreakGlassRecord.Account account, boolean parts) {
        RecordNotes.AccountNotes notes = account.notes();
        html.append("<tr><td><span class=\"name\">").append(escapeOr(account.displayName(), "(no name)"))
                .append("</span><br/><span class=\"upn\">").append(escape(account.userPrincipalName()))
                .append("</span><br/><span class=\"id\">").append(escape(account.id())).append("</span></td>\n<td>");
        if (account.keysUnreadable().isPresent()) {
            html.append("Not readable: ").append(escape(account.keysUnreadable().get()));
        } else if (account.keys().isEmpty()) {
            html.append("<b>None registered.</b> Register one, then make a new record.");
        } else {
            String separator = "";
            for (BreakGlassRecord.Key key : account.keys()) {
                html.append(separator).append(escapeOr(key.model(), "(model not reported)"))
                        .append("<br/>AAGUID <span class=\"id\">").append(escapeOr(key.aaGuid(), "not reported"))
                        .append("</span><br/>registered ").append(key.registered().map(DrillSchedule::date)
                                .orElse("(date not reported)"));
                separator = "<br/>";
            }
        }
        html.append("</td>\n<td>").append(note(notes.keyLabel())).append("</td>\n<td>")
                .append(note(notes.keyPlace())).append("</td>\n");
        if (parts) {
            html.append("<td><span class=\"part\">1: ").append(part(notes.passwordPartOnePlace()))
                    .append("</span><span class=\"part\">2: ").append(part(notes.passwordPartTwoPlace()))
                    .append("</span></td>\n");
        }
        html.append("</tr>\n");
    }

    /** The admin's note, or room to write it by hand. */
    private static String note(String text) {
        return text.isEmpty() ? "<span class=\"blank\"><span class=\"hand\">" + BY_HAND + "</span></span>"
                : escape(text);
    }

    private static String part(String text) {
        return text.isEmpty() ? "<span class=\"blank\"> </span>" : escape(text);
    }

    /** What an empty note's cell says, faintly: the place is to be written by hand. */
    static final String BY_HAND = "write by hand";

    private static void drill(StringBuilder html, BreakGlassRecord record) {
        row(html, "Last drill", record.lastDrill().map(DrillSchedule::date).orElse("None recorded"));
        row(html, "Next drill due", "<b>" + DrillSchedule.date(record.nextDrill()) + "</b>"
                + (record.lastDrill().isEmpty() ? " (now: none is recorded)" : "")
                + " \u2014 every " + DrillSchedule.EVERY_DAYS + " days, and whenever IT staff or the tenant's "
                + "subscriptions change: sign in with each key, confirm the alert fired, record the date.");
    }

    private static void checkers(StringBuilder html, BreakGlassRecord.Checkers checkers) {
        html.append("<h2>Checker configuration</h2>\n");
        if (!checkers.present()) {
            html.append("<p>").append(escape(checkers.whyNone().orElse(""))).append("</p>\n");
            return;
        }
        html.append("<table class=\"snippets\">\n<colgroup><col style=\"width: 44%\"/><col style=\"width: 56%\"/>"
                        + "</colgroup>\n<tr>\n<td class=\"snippet\"><div class=\"where\">")
                .append(escape(checkers.maesterWhere())).append("</div>\n<pre>").append(escapeBlock(checkers.maester()))
                .append("</pre></td>\n<td class=\"snippet right\"><div class=\"where\">")
                .append(escape(checkers.scubaGearWhere())).append("</div>\n<pre>")
                .append(escapeBlock(checkers.scubaGear())).append("</pre></td>\n</tr>\n</table>\n");
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static String tenantName(BreakGlassRecord record) {
        BreakGlassRecord.Tenant tenant = record.tenant();
        return tenant.displayName().isBlank() ? tenant.initialDomain() : tenant.displayName();
    }

    private static String escapeOr(String text, String whenEmpty) {
        return text == null || text.isBlank() ? escape(whenEmpty) : escape(text);
    }

    /** Text as XHTML character data or attribute value, on one line ({@link HtmlText#escape}). */
    static String escape(String text) {
        return HtmlText.escape(text);
    }

    /** As {@link #escape}, keeping line breaks: for the snippets inside {@code pre}. */
    static String escapeBlock(String text) {
        return HtmlText.escapeBlock(text);
    }
}
