package dev.gatehouse.graph;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.gatehouse.domain.tenant.TenantException;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends independent GETs in one {@code $batch} round trip (up to 20, Graph's limit) and hands back each result
 * or failure separately. Kiota's RetryHandler never sees the responses inside a batch, so throttled ones
 * (429/503/504) are re-sent here after their Retry-After, within the gateway's {@link RetryPolicy}. Service
 * roots the SDK's batch serializer cannot handle get the requests one by one instead.
 */
final class GraphSteps {

    static final int MAX_BATCH = 20;
    private static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS =
            new HashMap<>(Map.of("XXX", ODataError::createFromDiscriminatorValue));
    private static final JsonParseNodeFactory JSON = new JsonParseNodeFactory();

    private final GraphServiceClient client;
    private final ServiceRoot root;
    private final RetryPolicy retryPolicy;
    private final GraphErrorMapper errors;

    GraphSteps(GraphServiceClient client, ServiceRoot root, RetryPolicy retryPolicy, GraphErrorMapper errors) {
        this.client = client;
        this.root = root;
        this.retryPolicy = retryPolicy;
        this.errors = errors;
    }

    Results run(List<GraphStep<?>> steps) {
        Results results = new Results(errors);
        if (!root.supportsSdkBatch()) {
            steps.forEach(step -> results.add(step, () -> client.getRequestAdapter()
                    .send(step.request(), ERRORS, step.factory())));
            return results;
        }
        for (int from = 0; from < steps.size(); from += MAX_BATCH) {
            batch(steps.subList(from, Math.min(steps.size(), from + MAX_BATCH)), results);
        }
        return results;
    }

    private void batch(List<GraphStep<?>> steps, Results results) {
        List<GraphStep<?>> pending = steps;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            BatchResponseContent response = post(pending);
            List<GraphStep<?>> throttled = new ArrayList<>();
            long wait = 0;
            for (GraphStep<?> step : pending) {
                Response answer = response.getResponseById(step.id());
                if (answer == null) {
                    results.fail(step, new ApiExceptionBuilder()
                            .withMessage("The $batch response has no answer for request " + step.id()).build());
                } else if (answer.isSuccessful()) {
                    results.add(step, () -> parse(answer, step.factory()));
                } else if (retryable(answer.code()) && attempt < retryPolicy.maxRetries()
                        && retryPolicy.acceptsWait(answer)) {
                    throttled.add(step);
                    wait = Math.max(wait, retryPolicy.waitSeconds(answer));
                } else {
                    results.fail(step, ErrorResponses.from(answer));
                }
            }
            if (!throttled.isEmpty()) {
                sleep(wait);
            }
            pending = throttled;
        }
    }

    private BatchResponseContent post(List<GraphStep<?>> steps) {
        BatchRequestContent content = new BatchRequestContent(client);
        for (GraphStep<?> step : steps) {
            Request request = client.getRequestAdapter().convertToNativeRequest(step.request());
            content.addBatchRequestStep(new BatchRequestStep(step.id(), request));
        }
        try {
            return client.getBatchRequestBuilder().post(content, ERRORS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends Parsable> T parse(Response answer, ParsableFactory<T> factory) {
        return JSON.getParseNode("application/json", answer.body().byteStream()).getObjectValue(factory);
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 503 || status == 504;
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TenantException(TenantException.Kind.CANCELLED, "Cancelled while waiting to retry.");
        }
    }

    /** Each step's value or the exception its request ended with. */
    static final class Results {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
        private final GraphErrorMapper errors;

        private Results(GraphErrorMapper errors) {
            this.errors = errors;
        }

        private void add(GraphStep<?> step, Supplier<Object> value) {
            try {
                values.put(step.id(), value.get());
            } catch (RuntimeException e) {
                failures.put(step.id(), e);
            }
        }

        private void fail(GraphStep<?> step, ApiException error) {
            failures.put(step.id(), error);
        }

        boolean failedWith(GraphStep<?> step, int status) {
            return failures.get(step.id()) instanceof ApiException api && api.getResponseStatusCode() == status;
        }

        /** The step's value, or its failure explained in terms of the step's operation and subject. */
        @SuppressWarnings("unchecked")
        <T extends Parsable> T value(GraphStep<T> step) {
            RuntimeException failure = failures.get(step.id());
            if (failure != null) {
                throw errors.map(failure, step.operation(), step.subject());
            }
            return (T) values.get(step.id());
        }
    }
}
