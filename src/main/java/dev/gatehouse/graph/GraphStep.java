package dev.gatehouse.graph;

import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

/**
 * One request of a multi-request operation (so far: the reads of a user lookup), sent inside a {@code $batch}
 * when possible.
 *
 * @param id        unique within the read; also the batch request id
 * @param subject   what the request is about, for "not found" messages
 */
record GraphStep<T extends Parsable>(String id, GraphOperation operation, String subject, RequestInformation request,
                                     ParsableFactory<T> factory) {
}
