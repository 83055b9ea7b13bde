package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.procedure.Answers;

import java.util.Optional;

/**
 * What every stage checks before it plans: the admin may run the set-up at all, and the first stage's choices are
 * there and valid. Either the choices and who the accounts are, or the refusal to give instead of a plan.
 */
record StageStart(SetupChoices choices, AccountRoster roster, BreakGlassSetupProposal refusal) {

    static StageStart of(BreakGlassSetupRead read, Answers answers) {
        Optional<String> gate = SetupAccess.gate(read.admin());
        if (gate.isPresent()) {
            return new StageStart(null, null, BreakGlassSetupProposal.refused(gate.get()));
        }
        Optional<SetupChoices> choices = answers.get(SetupChoices.ANSWER, SetupChoices.class);
        if (choices.isEmpty()) {
            return new StageStart(null, null, BreakGlassSetupProposal.refused("Answer the plan first: how many "
                    + "emergency-access accounts (2 to 4) and their names."));
        }
        var problems = choices.get().problems(read.tenant().initialDomain());
        if (!problems.isEmpty()) {
            return new StageStart(null, null, BreakGlassSetupProposal.refused(String.join(" ", problems)));
        }
        return new StageStart(choices.get(), AccountRoster.of(read, choices.get()), null);
    }

    /**
     * As {@link #of}, for the stages after the accounts stage: refused too while an account is missing or cannot be
     * used (the tenant changed since, or the accounts stage was not run).
     */
    static StageStart withAccounts(BreakGlassSetupRead read, Answers answers) {
        StageStart start = of(read, answers);
        if (start.refused() || (start.roster().gaps().isEmpty() && start.roster().toCreate().isEmpty())) {
            return start;
        }
        return new StageStart(null, null, BreakGlassSetupProposal.refused("The accounts are not all there yet: run "
                + "the accounts stage first. " + String.join(" ", start.roster().gaps()), read.couldNotCheck()));
    }

    boolean refused() {
        return refusal != null;
    }
}
