package dev.gatehouse.ui.registration;

import java.util.Objects;

/**
 * One thing the registration policy needs of the tenant (Entra ID P1, security defaults off), as the home shows it.
 *
 * @param text what was found and, when it is not met, what it costs and where to fix it; why it could not be read
 */
public record Prerequisite(String title, Status status, String text) {

    public enum Status {
        /** Still being read. */
        READING,
        MET,
        NOT_MET,
        /** The read failed or was stopped: the text says why. */
        UNKNOWN
    }

    public Prerequisite {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }
}
