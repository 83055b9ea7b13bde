package dev.gatehouse.ui.wizard;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One stage in the wizard's rail: its number, title and state. */
public final class RailItem {

    private final int number;
    private final String title;
    private final ReadOnlyObjectWrapper<StageState> state = new ReadOnlyObjectWrapper<>(this, "state",
            StageState.AVAILABLE);

    RailItem(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public ReadOnlyObjectProperty<StageState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    void state(StageState value) {
        state.set(value);
    }
}
