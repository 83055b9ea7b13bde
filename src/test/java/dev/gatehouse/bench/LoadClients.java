package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients, each sending what the app sends one request after another for a fixed time: user pages, a user's
 * methods, $search and $filter (advanced queries), policies, audits, and a write (revoke sessions). Every
 * request's latency is kept; a failure (not 2xx, or no answer) is counted.
 */
final class LoadClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;
    private final List<String> ids;
    private final List<String> names;
    final AtomicLong failures = new AtomicLong();

    LoadClients(String serviceRoot) throws IOException, InterruptedException {
        this.root = serviceRoot;
        JsonNode page = JSON.readTree(send(get("/users?$select=id,userPrincipalName&$top=999")).body());
        List<String> userIds = new ArrayList<>();
        List<String> userNames = new ArrayList<>();
        page.path("value").forEach(u -> {
            userIds.add(u.path("id").asText());
            userNames.add(u.path("userPrincipalName").asText());
        });
        this.ids = List.copyOf(userIds);
        this.names = List.copyOf(userNames);
    }

    /** Runs {@code clients} threads for {@code duration}; returns every latency in milliseconds. */
    List<Double> run(int clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<List<Double>> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Double> latencies = new ArrayList<>();
            perClient.add(latencies);
            int client = c;
            Thread thread = new Thread(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    HttpRequest request = request(client, n);
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = send(request);
                        if (response.statusCode() >= 300) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add((System.nanoTime() - started) / 1e6);
                }
            }, "load-client-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Double> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return all;
    }

    private HttpRequest request(int client, int n) {
        int index = (client * 7 + n) % ids.size();
        String user = ids.get(index);
        return switch (n % 7) {
            case 0 -> get("/users?$top=100");
            case 1 -> get("/users/" + user + "/authentication/methods");
            case 2 -> advanced("/users?$count=true&$search="
                    + encode("\"displayName:" + names.get(index).substring(0, 2) + "\""));
            case 3 -> advanced("/users?$count=true&$filter=" + encode("accountEnabled eq false"));
            case 4 -> get("/identity/conditionalAccess/policies");
            case 5 -> get("/auditLogs/directoryAudits?$top=50");
            default -> builder("/users/" + user + "/revokeSignInSessions").POST(HttpRequest.BodyPublishers.noBody())
                    .build();
        };
    }

    private HttpRequest get(String path) {
        return builder(path).build();
    }

    private HttpRequest advanced(String path) {
        return builder(path).header("ConsistencyLevel", "eventual").build();
    }

    /** A request that counts as failed after 30 s, so a frozen server ends the run instead of hanging it. */
    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT).header("Authorization", "Bearer bench");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
