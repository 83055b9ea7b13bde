package dev.gatehouse.cli;

import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

@Command(name = "users",
        footerHeading = HelpPages.EXAMPLES, footer = {
                "  gatehouse users list --search ad"},
        mixinStandardHelpOptions = true,
        description = "Work with the tenant's users.",
        subcommands = UsersCommand.ListUsers.class)
final class UsersCommand {

    @ParentCommand
    GatehouseCommand root;

    @Command(name = "list",
            footerHeading = HelpPages.EXAMPLES, footer = {
                    "  gatehouse users list --search ad",
                    "  gatehouse users list --top 500 --json > users.json"},
            mixinStandardHelpOptions = true,
            description = "List users, or search them by the start of name, UPN or mail.")
    static final class ListUsers implements Callable<Integer> {

        @ParentCommand
        UsersCommand users;

        @Option(names = "--search", paramLabel = "TEXT",
                description = "Match users whose display name, user principal name or mail starts with TEXT.")
        String search;

        @Option(names = "--top", paramLabel = "N", defaultValue = "100",
                description = "Return at most N users (default ${DEFAULT-VALUE}).")
        int top;

        @Override
        public Integer call() {
            GatehouseCommand root = users.root;
            if (top < 1) {
                throw new UsageException("--top must be at least 1, was " + top + ".");
            }
            try (TenantConnection connection = root.context().connect(root.tenantOptions)) {
                List<UserSummary> found = new ArrayList<>();
                UserQuery query = UserQuery.firstPage(search, Math.min(top, UserQuery.MAX_TOP));
                UserPage page = connection.directory().searchUsers(query);
                OptionalLong total = page.totalCount();
                found.addAll(page.users());
                while (found.size() < top && page.hasMore()) {
                    page = connection.directory().searchUsers(query.next(page.nextCursor().orElseThrow()));
                    found.addAll(page.users());
                }
                boolean more = page.hasMore() || found.size() > top;
                List<UserSummary> shown = found.subList(0, Math.min(top, found.size()));
                print(root, shown, total, more);
            }
            return ExitCodes.OK;
        }

        private void print(GatehouseCommand root, List<UserSummary> shown, OptionalLong total, boolean more) {
            if (root.tenantOptions.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("users", shown.stream().map(UserJson::summary).toList());
                json.put("returned", shown.size());
                total.ifPresent(t -> json.put("totalCount", t));
                json.put("truncated", more);
                Json.print(root.context().out(), json);
                return;
            }
            if (shown.isEmpty()) {
                root.context().out().println(search == null || search.isBlank() ? "The tenant has no users."
                        : "No user's display name, user principal name or mail starts with '" + search.strip() + "'.");
                return;
            }
            TextTable table = new TextTable("DISPLAY NAME", "USER PRINCIPAL NAME", "TYPE", "ACCOUNT", "IDENTITY", "ID");
            for (UserSummary user : shown) {
                table.row(user.displayName(), user.userPrincipalName(), Labels.type(user.userType()),
                        user.accountEnabled() ? "enabled" : "DISABLED", user.syncState().label(), user.id());
            }
            table.print(root.context().out(), "");
            String count = total.isPresent() ? shown.size() + " of " + total.getAsLong() + " users"
                    : shown.size() + " users" + (more ? " (more available; raise --top)" : "");
            root.context().out().println(count + ".");
        }
    }
}
