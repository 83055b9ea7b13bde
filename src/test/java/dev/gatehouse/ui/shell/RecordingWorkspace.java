package dev.gatehouse.ui.shell;

import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.Workspace;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import dev.gatehouse.ui.workspace.WorkspaceView;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.ArrayList;
import java.util.List;

/** A workspace for shell tests, registered in one line like any other; it writes down what the shell asks of it. */
final class RecordingWorkspace implements WorkspaceModel {

    private final List<String> events = new ArrayList<>();
    private final List<OpenTenant> tenants = new ArrayList<>();
    private int viewsBuilt;

    /** The registration: id {@code id}, label {@code label}, Ctrl+{@code digit}; its main field is {@code #id-field}. */
    Workspace registration(String id, String label, int digit) {
        return Workspace.of(id, label, Material2OutlinedMZ.PIE_CHART, digit, () -> this, model -> model.view(id));
    }

    private WorkspaceView view(String id) {
        viewsBuilt++;
        TextField field = new TextField();
        field.setId(id + "-field");
        VBox box = new VBox(field);
        box.setId(id + "-view");
        return new WorkspaceView() {
            @Override
            public Node node() {
                return box;
            }

            @Override
            public void focusMain() {
                field.requestFocus();
            }
        };
    }

    @Override
    public void attach(OpenTenant tenant) {
        tenants.add(tenant);
        events.add("attach " + tenant.connection().label());
    }

    @Override
    public void detach() {
        events.add("detach");
    }

    @Override
    public void refresh() {
        events.add("refresh");
    }

    List<String> events() {
        return events;
    }

    List<OpenTenant> tenants() {
        return tenants;
    }

    int viewsBuilt() {
        return viewsBuilt;
    }
}
