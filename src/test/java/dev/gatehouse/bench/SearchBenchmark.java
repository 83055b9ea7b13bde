package dev.gatehouse.bench;

import dev.gatehouse.app.GatehouseConnector;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type-ahead on a large demo tenant, through the same connector, gateway and HTTP path as the app: what each
 * keystroke costs (one $search page of 50), opening a user (profile, methods, roles), the demo tenant's
 * start time and the heap the whole session holds.
 *
 * <p>Run: {@code mvn -B -Pbench verify}; tenant size with {@code -Dgatehouse.bench.users=N} (default 100000).
 */
public final class SearchBenchmark {

    /** What an admin types, one keystroke at a time. */
    private static final List<String> TYPED = List.of("adele", "megan.b", "ja", "smith", "user0421", "emergency",
            "zzz-none", "pat");

    public static void main(String[] args) throws Exception {
        int users = Integer.getInteger("gatehouse.bench.users", 100_000);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedHeapAfterGc(memory);

        long start = System.nanoTime();
        try (TenantConnection connection = new GatehouseConnector(name -> null).connectDemo("large:" + users)) {
            double connectMillis = (System.nanoTime() - start) / 1e6;
            TenantDirectory directory = connection.directory();

            directory.searchUsers(UserQuery.firstPage("warm", 50)); // first call loads the SDK's classes
            Stats keystroke = new Stats();
            Stats firstPage = new Stats();
            UserSummary someone = null;
            for (int round = 0; round < 3; round++) {
                for (String word : TYPED) {
                    for (int length = 1; length <= word.length(); length++) {
                        long t = System.nanoTime();
                        UserPage page = directory.searchUsers(UserQuery.firstPage(word.substring(0, length), 50));
                        keystroke.add((System.nanoTime() - t) / 1e6);
                        if (someone == null && !page.users().isEmpty()) {
                            someone = page.users().get(0);
                        }
                    }
                }
                long t = System.nanoTime();
                directory.searchUsers(UserQuery.firstPage("", 50));
                firstPage.add((System.nanoTime() - t) / 1e6);
            }
            Stats openUser = new Stats();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                directory.findUser(someone.id());
                openUser.add((System.nanoTime() - t) / 1e6);
            }
            long heapAfter = usedHeapAfterGc(memory);

            System.out.printf("Type-ahead on the demo tenant large:%d (%d users in all)%n", users, users + 40);
            System.out.printf("%-34s %.0f ms%n", "start demo tenant + connect", connectMillis);
            System.out.println(keystroke.line("one keystroke ($search, top 50)"));
            System.out.println(firstPage.line("unfiltered first page (top 50)"));
            System.out.println(openUser.line("open a user (profile+methods+roles)"));
            System.out.printf("%-34s %.0f MiB%n", "heap held by tenant + session", (heapAfter - heapBefore) / 1048576.0);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("users", users + 40);
            figures.put("startAndConnectMillis", Math.round(connectMillis));
            figures.put("keystrokeMillis", keystroke.summary());
            figures.put("firstPageMillis", firstPage.summary());
            figures.put("openUserMillis", openUser.summary());
            figures.put("heapMiB", Math.round((heapAfter - heapBefore) / 1048576.0));
            System.out.println("report: " + BenchReport.write("search", figures));
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
