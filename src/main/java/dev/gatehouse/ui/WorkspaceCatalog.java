package dev.gatehouse.ui;

import dev.gatehouse.ui.activity.ActivityView;
import dev.gatehouse.ui.activity.ActivityViewModel;
import dev.gatehouse.ui.breakglass.BreakGlassView;
import dev.gatehouse.ui.breakglass.BreakGlassViewModel;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.registration.RegistrationPolicyView;
import dev.gatehouse.ui.registration.RegistrationPolicyViewModel;
import dev.gatehouse.ui.registration.RegistrationWizard;
import dev.gatehouse.ui.plan.ClipboardAccess;
import java.time.ZoneId;
import dev.gatehouse.ui.users.UsersView;
import dev.gatehouse.ui.users.UsersViewModel;
import dev.gatehouse.ui.workspace.Workspace;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

import java.util.List;

/**
 * The main window's workspaces, in navigation order: the one place a workspace is registered. A workspace that arrives
 * replaces its {@code notAvailableYet} line with {@code Workspace.of(…, model, view)}; no shell class changes.
 */
public final class WorkspaceCatalog {

    private WorkspaceCatalog() {
    }

    /** @param users made by the app itself, which watches it for the startup benchmark's "first data" */
    public static List<Workspace> all(UsersViewModel users, TaskRunner runner, ClipboardAccess clipboard) {
        return List.of(
                Workspace.of("users", "_Users", Material2OutlinedMZ.PEOPLE, 1, () -> users, UsersView::new),
                Workspace.of("break-glass", "_Break-glass", Material2OutlinedMZ.SECURITY, 2,
                        () -> new BreakGlassViewModel(runner, clipboard), BreakGlassView::new),
                Workspace.of("registration-policy", "_Registration policy", Material2OutlinedMZ.POLICY, 3,
                        () -> new RegistrationPolicyViewModel(runner, RegistrationWizard.launcher(runner, clipboard,
                                ZoneId.systemDefault())), RegistrationPolicyView::new),
                Workspace.of("activity", "_Activity", Material2OutlinedMZ.TIMELINE, 4,
                        () -> new ActivityViewModel(runner, clipboard), ActivityView::new));
    }
}
