package dev.gatehouse.ui.registration;

import dev.gatehouse.ui.workspace.OpenTenant;

/** Makes the registration-policy wizard for the open tenant; both calls block, so they run off the UI thread. */
public interface WizardLauncher {

    /** Whether a run of the wizard is unfinished for this tenant (the button then says "Continue"). */
    boolean unfinished(OpenTenant tenant);

    /** The wizard, with everything it needs read first (the signed-in admin, for the journal and the run lock). */
    RegistrationWizard prepare(OpenTenant tenant);
}
