package dev.gatehouse.ui.users;

import dev.gatehouse.domain.recovery.EffectiveMethodsPolicy;
import dev.gatehouse.ui.plan.PlanViewModel;

import java.util.List;
import java.util.Optional;

/** What a recovery button leads to once the tenant has been read: the view opens the matching window. */
public sealed interface ActionPrompt {

    /** A plan to review and confirm. */
    record Review(PlanViewModel plan) implements ActionPrompt {
    }

    /**
     * No plan: refused by a guardrail, nothing to do, or no Graph API. {@code alternativeLabel} names a clearly
     * different action offered instead ("Revoke sign-in sessions…"); empty when there is none.
     */
    record Explain(String title, String message, List<String> warnings, String alternativeLabel,
                   Runnable alternative) implements ActionPrompt {
        public Explain {
            warnings = List.copyOf(warnings);
        }
    }

    /** The compromised-account playbook: choices, the resulting plan and its run. */
    record Playbook(PlaybookViewModel playbook) implements ActionPrompt {
    }

    /** The Temporary Access Pass options, within the tenant's limits. */
    record AskTap(TapFormViewModel form) implements ActionPrompt {
    }

    /** The effective authentication methods policy for the user; empty rows with {@code why} when unreadable. */
    record ShowPolicy(String title, Optional<EffectiveMethodsPolicy> policy, String why) implements ActionPrompt {
    }

    /** The incident record of the user, for the help-desk ticket. */
    record Record(IncidentRecordViewModel record) implements ActionPrompt {
    }
}
