package dev.gatehouse.domain.activity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One logged call written as something an administrator can run: {@code Invoke-MgGraphRequest} (Microsoft Graph
 * PowerShell), the Graph PowerShell cmdlet where {@link GraphCmdlets} knows one, and curl. The token is never in a
 * snippet (curl reads {@code $TOKEN}; PowerShell uses the session {@code Connect-MgGraph} opened), and a body's
 * secrets are already {@link RedactedBody#MARK} in the log. Calls to the demo tenant, served on loopback, are written
 * against {@code https://graph.microsoft.com}, which a comment line says.
 * <p>
 * Graph answers {@code $search}, and {@code $count} beside {@code $filter}, only with {@code ConsistencyLevel:
 * eventual} (learn.microsoft.com, "Advanced query capabilities on Microsoft Entra ID objects"); the log holds no
 * headers, so the snippets add it for those queries.
 */
public final class CallSnippets {

    static final String GRAPH = "https://graph.microsoft.com";

    private final URI root;
    private final boolean loopback;

    /** @param serviceRoot the connection's service root with its version segment, e.g. {@code https://graph.microsoft.com/v1.0} */
    public CallSnippets(String serviceRoot) {
        this.root = URI.create(serviceRoot.endsWith("/") ? serviceRoot.substring(0, serviceRoot.length() - 1)
                : serviceRoot);
        this.loopback = isLoopback(root.getHost());
    }

    /** {@code Invoke-MgGraphRequest -Method GET -Uri '…'}, with {@code -Body} and {@code -ContentType} for a body. */
    public String invokeMgGraphRequest(GraphCall call) {
        List<String> lines = comments("#", call);
        StringBuilder command = new StringBuilder("Invoke-MgGraphRequest -Method ").append(call.method())
                .append(" -Uri ").append(PowerShell.quoted(url(call)));
        if (needsEventualConsistency(call)) {
            command.append(" -Headers @{ ConsistencyLevel = 'eventual' }");
        }
        if (call.body() != null) {
            command.append(" -Body ").append(PowerShell.quoted(call.body()))
                    .append(" -ContentType 'application/json'");
        }
        lines.add(command.toString());
        return String.join("\n", lines);
    }

    /** The cmdlet, or empty when Microsoft Graph PowerShell has none for this request in {@link GraphCmdlets}. */
    public Optional<String> cmdlet(GraphCall call) {
        if (isAbsolute(call.pathAndQuery())) {
            return Optional.empty();
        }
        return GraphCmdlets.cmdlet(call.method(), call.pathAndQuery(), call.body()).map(command -> {
            List<String> lines = comments("#", call);
            lines.add(command);
            return String.join("\n", lines);
        });
    }

    /** curl with the token read from {@code $TOKEN}. */
    public String curl(GraphCall call) {
        List<String> lines = comments("#", call);
        lines.add("# Put an access token for Microsoft Graph in TOKEN first; it is not part of this snippet.");
        StringBuilder command = new StringBuilder("curl -X ").append(call.method()).append(' ')
                .append(shellQuoted(url(call))).append(" \\\n  -H \"Authorization: Bearer $TOKEN\"");
        if (needsEventualConsistency(call)) {
            command.append(" \\\n  -H 'ConsistencyLevel: eventual'");
        }
        if (call.body() != null) {
            command.append(" \\\n  -H 'Content-Type: application/json' \\\n  -d ").append(shellQuoted(call.body()));
        }
        lines.add(command.toString());
        return String.join("\n", lines);
    }

    /** The URL the snippet sends to: percent-encoded, the demo tenant's loopback root replaced by Graph's. */
    String url(GraphCall call) {
        String target = call.pathAndQuery();
        if (!isAbsolute(target)) {
            target = (loopback ? GRAPH + root.getRawPath() : root.toString()) + target;
        }
        int query = target.indexOf('?');
        URI uri = URI.create(query < 0 ? target : target.substring(0, query));
        try {
            // the log keeps the decoded form for reading; the multi-argument constructor quotes what a URL may not hold
            return new URI(uri.getScheme(), uri.getAuthority(), uri.getPath(),
                    query < 0 ? null : target.substring(query + 1), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + target, e);
        }
    }

    private List<String> comments(String prefix, GraphCall call) {
        List<String> lines = new ArrayList<>();
        if (loopback && !isAbsolute(call.pathAndQuery())) {
            lines.add(prefix + " Sent to the demo tenant; written here for Microsoft Graph (" + GRAPH
                    + root.getRawPath() + ").");
        }
        if (call.body() != null && call.body().contains(RedactedBody.MARK)) {
            lines.add(prefix + " The secret is not shown: replace " + RedactedBody.MARK + " before you run it.");
        }
        return lines;
    }

    private static boolean needsEventualConsistency(GraphCall call) {
        String path = call.pathAndQuery();
        return path.contains("$search=") || path.contains("$count=true");
    }

    private static boolean isAbsolute(String pathAndQuery) {
        return pathAndQuery.startsWith("http://") || pathAndQuery.startsWith("https://");
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]")
                || host.equals("::1"));
    }

    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
