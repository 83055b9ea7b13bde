package dev.gatehouse.domain.emergency;

import java.util.Objects;

/** One point of the evidence about a group, in an admin's words. */
public record Evidence(Finding finding, String text) {

    public Evidence {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(text, "text");
    }
}
