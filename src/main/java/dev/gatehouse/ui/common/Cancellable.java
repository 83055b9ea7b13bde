package dev.gatehouse.ui.common;

/** A started piece of work or a scheduled action that can be called off. Cancelling twice is harmless. */
@FunctionalInterface
public interface Cancellable {

    Cancellable NONE = () -> { };

    void cancel();
}
