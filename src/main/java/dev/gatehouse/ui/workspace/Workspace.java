package dev.gatehouse.ui.workspace;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A workspace as it is registered once: its navigation entry (id, label with mnemonic, icon, Ctrl+digit) and how to
 * make its model and view. One that has not arrived yet is registered without them: listed, disabled, explained.
 */
public final class Workspace {

    public static final String NOT_AVAILABLE_YET =
            "Not available yet: this workspace arrives in a later version of Gatehouse.";

    private final String id;
    private final String label;
    private final Ikon icon;
    private final int shortcutDigit;
    private final Parts<?> parts;

    private Workspace(String id, String label, Ikon icon, int shortcutDigit, Parts<?> parts) {
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A workspace id is lower-case letters, digits and dashes: " + id);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("Workspace " + id + " needs a navigation label");
        }
        if (shortcutDigit < 1 || shortcutDigit > 9) {
            throw new IllegalArgumentException("Workspace " + id + ": the shortcut is Ctrl+1 to Ctrl+9, not " + shortcutDigit);
        }
        this.id = id;
        this.label = label;
        this.icon = Objects.requireNonNull(icon, "icon");
        this.shortcutDigit = shortcutDigit;
        this.parts = parts;
    }

    /**
     * A workspace that can be opened.
     *
     * @param label         the navigation label, with an underscore before its mnemonic letter ("_Users")
     * @param shortcutDigit Ctrl+digit opens it
     * @param model         makes its model, once per window, when the window is built
     * @param view          makes its view from that model, the first time the workspace is opened
     */
    public static <M extends WorkspaceModel> Workspace of(String id, String label, Ikon icon, int shortcutDigit,
                                                          Supplier<M> model, Function<? super M, ? extends WorkspaceView> view) {
        return new Workspace(id, label, icon, shortcutDigit,
                new Parts<>(Objects.requireNonNull(model, "model"), Objects.requireNonNull(view, "view")));
    }

    /** A workspace that is listed, disabled, with {@link #NOT_AVAILABLE_YET} as its tooltip. */
    public static Workspace notAvailableYet(String id, String label, Ikon icon, int shortcutDigit) {
        return new Workspace(id, label, icon, shortcutDigit, null);
    }

    public String id() {
        return id;
    }

    /** The navigation label, with an underscore before its mnemonic letter. */
    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }

    /** The digit of its Ctrl+digit shortcut, 1 to 9. */
    public int shortcutDigit() {
        return shortcutDigit;
    }

    /** Shortcut (Ctrl, or Cmd on a Mac) + the registered digit. */
    public KeyCombination shortcut() {
        return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + shortcutDigit), KeyCombination.SHORTCUT_DOWN);
    }

    public boolean available() {
        return parts != null;
    }

    /** Makes this workspace's model for one window; empty for a workspace that has not arrived. */
    public Optional<WorkspaceInstance> instantiate() {
        return Optional.ofNullable(parts).map(p -> p.instantiate(this));
    }

    @Override
    public String toString() {
        return id;
    }

    /** Keeps the model's type between the two factories, so the view gets the model it was made for. */
    private record Parts<M extends WorkspaceModel>(Supplier<M> model, Function<? super M, ? extends WorkspaceView> view) {
        WorkspaceInstance instantiate(Workspace workspace) {
            M made = Objects.requireNonNull(model.get(), () -> "Workspace " + workspace.id + " made no model");
            return new WorkspaceInstance(workspace, made, () -> view.apply(made));
        }
    }
}
