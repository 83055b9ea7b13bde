package dev.gatehouse.graph;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.core.requests.BatchRequestBuilder;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import dev.gatehouse.domain.tenant.TenantException;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sends independent requests in one {@code $batch} round trip (up to 20, Graph's limit) and hands back each result
 * or failure separately. Kiota's RetryHandler never sees the responses inside a batch, so the ones
 * {@link RetryPolicy#resendsAutomatically} allows (429; 503/504 for reads) are re-sent here after their
 * Retry-After, within the gateway's {@link RetryPolicy}; the batch's own POST is resent on 503/504 only when
 * every request in it is a read. Each inner request is recorded in the call log next to the batch's POST.
 * Service roots the SDK's batch serializer cannot handle get the requests one by one instead.
 */
final class GraphSteps {

    static final int MAX_BATCH = 20;
    static final HashMap<String, ParsableFactory<? extends Parsable>> ERRORS =
            new HashMap<>(Map.of("XXX", ODataError::createFromDiscriminatorValue));
    private static final JsonParseNodeFactory JSON = new JsonParseNodeFactory();

    private final GraphServiceClient client;
    private final ServiceRoot root;
    private final RetryPolicy retryPolicy;
    private final GraphErrorMapper errors;
    private final CallRecorder recorder;

    GraphSteps(GraphServiceClient client, ServiceRoot root, RetryPolicy retryPolicy, GraphErrorMapper errors,
               CallRecorder recorder) {
        this.client = client;
        this.root = root;
        this.retryPolicy = retryPolicy;
        this.errors = errors;
        this.recorder = recorder;
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
        Map<String, Integer> resentAfter = new HashMap<>();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            Map<String, Request> sent = new LinkedHashMap<>();
            Response batch = post(pending, sent);
            BatchResponseContent response = new BatchResponseContent(batch, ERRORS);
            List<GraphStep<?>> again = new ArrayList<>();
            long wait = 0;
            for (GraphStep<?> step : pending) {
                Response answer = response.getResponseById(step.id());
                if (answer == null) {
                    results.fail(step, new ApiExceptionBuilder()
                            .withMessage("The $batch response has no answer for request " + step.id()).build());
                    continue;
                }
                recorder.recordInBatch(batch, sent.get(step.id()), answer,
                        resentAfter.getOrDefault(step.id(), 0));
                if (answer.isSuccessful()) {
                    results.add(step, () -> parse(answer, step.factory()));
                } else if (RetryPolicy.resendsAutomatically(step.request().httpMethod.toString(), answer.code())
                        && attempt < retryPolicy.maxRetries() && retryPolicy.acceptsWait(answer)) {
                    again.add(step);
                    resentAfter.put(step.id(), answer.code());
                    wait = Math.max(wait, retryPolicy.waitSeconds(answer));
                } else {
                    results.fail(step, ErrorResponses.from(answer));
                }
            }
            if (!again.isEmpty()) {
                sleep(wait);
            }
            pending = again;
        }
    }

    /**
     * POSTs the steps as one batch and returns Graph's response to it; a batch Graph refused as a whole (after the retry
     * handler's own attempts) fails every step with the batch's error.
     *
     * @param sent filled with each step's request as converted for the batch, by step id
     */
    private Response post(List<GraphStep<?>> steps, Map<String, Request> sent) {
        BatchRequestContent content = new BatchRequestContent(client);
        for (GraphStep<?> step : steps) {
            // the batch step applies the SDK's URL replacements (/users/TokenToReplace becomes /me): log its request,
            // the one Graph receives, not the converted one
            BatchRequestStep inBatch = new BatchRequestStep(step.id(),
                    client.getRequestAdapter().convertToNativeRequest(step.request()));
            sent.put(step.id(), inBatch.getRequest());
            content.addBatchRequestStep(inBatch);
        }
        try {
            // BatchRequestBuilder.post, plus a retry option of the batch's own
            RequestInformation batch = new BatchRequestBuilder(client.getRequestAdapter()).toPostRequestInformation(content);
            if (steps.stream().allMatch(step -> RetryPolicy.isRead(step.request().httpMethod.toString()))) {
                batch.addRequestOptions(List.of(retryPolicy.readOnlyBatchOption()));
            }
            NativeResponseHandler handler = new NativeResponseHandler();
            batch.setResponseHandler(handler);
            client.getRequestAdapter().sendPrimitive(batch, ERRORS, InputStream.class);
            Response response = (Response) handler.getValue();
            if (!response.isSuccessful()) {
                throw ErrorResponses.from(response);
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends Parsable> T parse(Response answer, ParsableFactory<T> factory) {
        return JSON.getParseNode("application/json", answer.body().byteStream()).getObjectValue(factory);
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
