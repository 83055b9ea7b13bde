package dev.gatehouse.domain.plan;

import dev.gatehouse.domain.tenant.RequiredAccess;

import java.util.List;
import java.util.Objects;

/**
 * One change in a {@link Plan}, carrying everything the admin must know before confirming it.
 *
 * @param effect         plain-language effect on the tenant ("these 3 methods will be deleted: …")
 * @param userExperience what the user will experience at next sign-in
 * @param requests       the exact Graph requests, secrets masked
 * @param warnings       things the admin must read before confirming
 * @param action         what runs on confirmation; never invoked while planning
 * @param check          reads whether the step took effect when it was stopped mid-way; {@link StepCheck#NONE}
 */
public record Step(
        String id,
        String title,
        String effect,
        String userExperience,
        List<GraphRequest> requests,
        RequiredAccess access,
        Reversibility reversibility,
        Risk risk,
        List<String> warnings,
        StepAction action,
        StepCheck check) {

    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(action, "action");
        requests = List.copyOf(requests);
        warnings = List.copyOf(warnings);
        check = check == null ? StepCheck.NONE : check;
    }

    /** A step whose effect is not read back when it is stopped. */
    public Step(String id, String title, String effect, String userExperience, List<GraphRequest> requests,
                RequiredAccess access, Reversibility reversibility, Risk risk, List<String> warnings,
                StepAction action) {
        this(id, title, effect, userExperience, requests, access, reversibility, risk, warnings, action,
                StepCheck.NONE);
    }

    /** This step with its work wrapped (a front end watching it), everything else — its read-back included — kept. */
    public Step withAction(StepAction wrapped) {
        return new Step(id, title, effect, userExperience, requests, access, reversibility, risk, warnings, wrapped,
                check);
    }

    /** This step, reading back with {@code reading} whether it took effect when stopped mid-way. */
    public Step checkedBy(StepCheck reading) {
        return new Step(id, title, effect, userExperience, requests, access, reversibility, risk, warnings, action,
                reading);
    }
}
