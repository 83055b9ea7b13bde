package dev.gatehouse.domain.recovery.incident;

import dev.gatehouse.domain.recovery.incident.IncidentRecord.Action;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.FoundMethod;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.HandOver;
import dev.gatehouse.domain.text.Moments;

import java.util.Locale;

import static dev.gatehouse.domain.text.HtmlText.escape;

/**
 * The record as one self-contained HTML page: inline CSS, no script, no image, nothing fetched; it prints on A4 or
 * Letter from any browser. The page is well-formed XML too, so an XML parser reads it as a browser does. Every text
 * from the tenant or the journal is escaped
 * ({@link dev.gatehouse.domain.text.HtmlText}), so a name holding markup prints as the name it is.
 */
public final class IncidentRecordHtml {

    private static final String STYLE = """
            @page { margin: 15mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; line-height: 1.35; color: #000;
                   max-width: 60em; margin: 1em auto; padding: 0 1em; }
            h1 { font-size: 16pt; margin: 0 0 0.4em 0; }
            h2 { font-size: 12pt; margin: 1.2em 0 0.4em 0; border-bottom: 1px solid #000; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: 0.25em 0.45em; border: 1px solid #999;
                     overflow-wrap: anywhere; }
            thead th { background: #eee; }
            table.facts th { width: 10em; font-weight: normal; color: #333; }
            .id { font-family: Menlo, Consolas, 'DejaVu Sans Mono', monospace; font-size: 9pt; }
            .recent { font-weight: bold; }
            .failed, .stopped { font-weight: bold; }
            .note { border: 1px solid #000; padding: 0.35em 0.6em; font-weight: bold; }
            ul.todo { list-style: none; padding-left: 0.5em; }
            ul.todo li { margin-bottom: 0.3em; }
            .box { display: inline-block; width: 0.7em; height: 0.7em; border: 1px solid #000; margin-right: 0.5em; }
            @media print { body { margin: 0; padding: 0; max-width: none; } thead { display: table-header-group; }
                           tr { page-break-inside: avoid; } }
            """;

    private IncidentRecordHtml() {
    }

    public static String render(IncidentRecord record) {
        IncidentRecord.User user = record.user();
        String name = escape(IncidentRecordMarkdown.name(user));
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\"/>\n")
                .append("<title>Incident record: ").append(name).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>Incident record: ").append(name).append("</h1>\n");
        html.append("<p class=\"note\">").append(escape(IncidentRecordText.NO_SECRETS)).append("</p>\n");
        html.append("<table class=\"facts\">\n");
        fact(html, "User", name);
        fact(html, "Sign-in name", escape(user.userPrincipalName()));
        fact(html, "Object id", "<span class=\"id\">" + escape(user.id()) + "</span>");
        fact(html, "Account", user.accountEnabled() ? "enabled" : "disabled");
        fact(html, "Tenant", escape(IncidentRecordText.tenant(record.tenant())) + " (<span class=\"id\">"
                + escape(record.tenant().id()) + "</span>)");
        fact(html, "Made", Moments.of(record.made()) + " by " + escape(record.madeBy()));
        fact(html, "Actions since", Moments.of(record.since()));
        html.append("</table>\n");

        html.append("<h2>").append(IncidentRecordText.FOUND).append("</h2>\n<p>")
                .append(escape(IncidentRecordText.foundIntro(record))).append("</p>\n");
        if (!record.methods().isEmpty()) {
            html.append("<table>\n").append(columns(26, 34, 9, 19, 12))
                    .append("<thead><tr><th>Method</th><th>Registered</th><th>Recent</th><th>Registered by</th>")
                    .append("<th>From</th></tr></thead>\n<tbody>\n");
            for (FoundMethod method : record.methods()) {
                html.append("<tr").append(method.recent() ? " class=\"recent\"" : "").append("><td>")
                        .append(escape(IncidentRecords.describe(method))).append("<br/><span class=\"id\">")
                        .append(escape(method.id())).append("</span></td><td>").append(escape(method.explanation()))
                        .append("</td><td>").append(escape(IncidentRecordText.recent(method))).append("</td><td>")
                        .append(escape(IncidentRecordText.orDash(method.initiatedBy()))).append("</td><td>")
                        .append(escape(IncidentRecordText.orDash(method.ipAddress()))).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        record.auditProblem().ifPresent(why -> html.append("<p>").append(escape(IncidentRecordText.auditProblem(why)))
                .append("</p>\n"));

        html.append("<h2>").append(IncidentRecordText.DONE).append("</h2>\n");
        if (record.actions().isEmpty()) {
            html.append("<p>").append(escape(IncidentRecordText.nothingDone(record))).append("</p>\n");
        } else {
            html.append("<table>\n").append(columns(11, 18, 13, 17, 8, 33))
                    .append("<thead><tr><th>When</th><th>By</th><th>Plan</th><th>Step</th><th>Outcome</th>")
                    .append("<th>Details</th></tr></thead>\n<tbody>\n");
            for (Action action : record.actions()) {
                html.append("<tr><td>").append(Moments.of(action.at())).append("</td><td>")
                        .append(escape(action.actor()))
                        .append("</td><td>").append(escape(action.plan())).append("</td><td>")
                        .append(escape(action.title())).append("</td><td class=\"")
                        .append(action.outcome().name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(escape(action.outcome().label())).append("</td><td>").append(escape(action.message()))
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }

        html.append("<h2>").append(IncidentRecordText.HANDED).append("</h2>\n");
        if (record.handedOver().isEmpty()) {
            html.append("<p>").append(escape(IncidentRecordText.NOTHING_HANDED)).append("</p>\n");
        } else {
            html.append("<ul>\n");
            for (HandOver handOver : record.handedOver()) {
                html.append("<li>").append(Moments.of(handOver.at())).append(", ")
                        .append(escape(handOver.kind().label())).append(": ").append(escape(handOver.description()))
                        .append("</li>\n");
            }
            html.append("</ul>\n");
        }

        html.append("<h2>").append(IncidentRecordText.LEFT).append("</h2>\n<ul class=\"todo\">\n");
        for (String item : record.leftToDo()) {
            html.append("<li><span class=\"box\"></span>").append(escape(item)).append("</li>\n");
        }
        return html.append("</ul>\n</body>\n</html>\n").toString();
    }

    /** Column widths in per cent, so a long id or address wraps within its column instead of squeezing the others. */
    private static String columns(int... percents) {
        StringBuilder group = new StringBuilder("<colgroup>");
        for (int percent : percents) {
            group.append("<col style=\"width: ").append(percent).append("%\"/>");
        }
        return group.append("</colgroup>\n").toString();
    }

    private static void fact(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(label).append("</th><td>").append(value).append("</td></tr>\n");
    }

}
