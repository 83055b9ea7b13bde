package dev.gatehouse.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.ApiExceptionBuilder;
import com.microsoft.kiota.http.HeadersCompatibility;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.ParseNode;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Builds the exception Kiota would have thrown for a failed response that did not pass through the request
 * adapter (one response inside a {@code $batch}): an {@link ODataError} when the body is a Graph error, with
 * status and headers set.
 */
final class ErrorResponses {

    private static final JsonParseNodeFactory JSON = new JsonParseNodeFactory();

    private ErrorResponses() {
    }

    static ApiException from(Response response) {
        ResponseBody body = response.body();
        try {
            if (body != null) {
                ParseNode node = JSON.getParseNode("application/json", body.byteStream());
                return new ApiExceptionBuilder(() -> node.getObjectValue(ODataError::createFromDiscriminatorValue))
                        .withResponseStatusCode(response.code())
                        .withResponseHeaders(HeadersCompatibility.getResponseHeaders(response.headers()))
                        .build();
            }
        } catch (RuntimeException notAGraphError) {
            // fall through to a bare status, as Kiota does for bodies it cannot read
        }
        return new ApiExceptionBuilder().withMessage("HTTP " + response.code())
                .withResponseStatusCode(response.code())
                .withResponseHeaders(HeadersCompatibility.getResponseHeaders(response.headers()))
                .build();
    }
}
