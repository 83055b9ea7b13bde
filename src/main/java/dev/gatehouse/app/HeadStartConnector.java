package dev.gatehouse.app;

import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantConnection;
import dev.gatehouse.domain.tenant.TenantConnector;
import dev.gatehouse.domain.tenant.TenantException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the demo tenant the window is about to open while JavaFX starts, on a thread of its own: the demo server
 * and the Graph client then load beside the toolkit (2 cores) instead of after the first frame. The first
 * {@link #connectDemo} for that scenario takes the connection started early; every other call goes to the real
 * connector, and a head start nobody took is closed when it arrives.
 */
public final class HeadStartConnector implements TenantConnector {

    private final TenantConnector real;
    private final String scenario;
    private final CompletableFuture<TenantConnection> started;
    private final AtomicBoolean taken = new AtomicBoolean();

    HeadStartConnector(TenantConnector real, String scenario, Executor executor) {
        this.real = real;
        this.scenario = scenario;
        this.started = CompletableFuture.supplyAsync(() -> real.connectDemo(scenario), executor);
    }

    /** Starts {@code scenario} now, on a daemon thread, for the window's first connection. */
    public static HeadStartConnector starting(TenantConnector real, String scenario) {
        return new HeadStartConnector(real, scenario, task -> {
            Thread thread = new Thread(task, "gatehouse-demo-head-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    @Override
    public TenantConnection connectDemo(String wanted) {
        if (!taken.compareAndSet(false, true)) {
            return real.connectDemo(wanted);
        }
        if (!scenario.equals(wanted)) {
            started.thenAccept(TenantConnection::close);
            return real.connectDemo(wanted);
        }
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.thenAccept(TenantConnection::close);
            throw new TenantException(TenantException.Kind.CANCELLED, "Stopped before the demo tenant started.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public TenantConnection connectTenant(SignInRequest request, SignInPrompt prompt) {
        if (taken.compareAndSet(false, true)) {
            started.thenAccept(TenantConnection::close); // the window went to a real tenant first
        }
        return real.connectTenant(request, prompt);
    }
}
