package dev.gatehouse.ui.breakglass;

import dev.gatehouse.ui.workspace.OpenTenant;

/** Makes the break-glass set-up wizard for the open tenant; both calls block, so they run off the UI thread. */
public interface SetupLauncher {

    /** Whether a run of the set-up is unfinished for this tenant (the button then says "Continue"). */
    boolean unfinished(OpenTenant tenant);

    /** The wizard, with what it needs read first: the signed-in admin, the tenant's id and initial domain. */
    BreakGlassWizard prepare(OpenTenant tenant);
}
