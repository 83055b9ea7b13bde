package dev.gatehouse.domain.registration;

import java.util.Objects;

/** One criterion a peer checker applies, said of the policy it was tried on, and whether that policy meets it. */
public record CheckPoint(String text, boolean met) {

    public CheckPoint {
        Objects.requireNonNull(text, "text");
    }
}
