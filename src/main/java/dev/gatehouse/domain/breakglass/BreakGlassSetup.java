package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.recovery.PasswordGenerator;
import dev.gatehouse.domain.tenant.DirectoryWriter;
import dev.gatehouse.domain.tenant.PolicyWriter;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;

import java.util.List;

/**
 * The break-glass set-up (issue 10, steps 1–9) as one resumable procedure: the plan, the accounts, their
 * role-assignable group, Global Administrator, the methods policy, one-time passes, the keys the admin registers with
 * them, the clean-up of the passes and of anything tied to a person, and their exclusion from Conditional Access.
 * Every stage plans from a fresh read ({@link BreakGlassSetupReads}) and only what is missing, so a run continued tomorrow, a repair of a half-done
 * set-up, and a second run on a tenant already in place all go through the same stages — the last one changing
 * nothing and saying so. The GUI wizard, {@code gatehouse breakglass setup} (steps 1–6) and
 * {@code gatehouse breakglass finish} (7–8) and {@code gatehouse breakglass exclude} (9) share its id and subject, so a run started in one continues in the other.
 */
public final class BreakGlassSetup {

    public static final String ID = "breakglass-setup";
    public static final String TITLE = "Set up emergency access";
    public static final String PLAN = "plan";
    public static final String ACCOUNTS = "accounts";
    public static final String GROUP = "group";
    public static final String ROLE = "role";
    public static final String METHODS_POLICY = "methods-policy";
    public static final String TAP = "tap";
    public static final String REGISTER = "register";
    public static final String CLEAN_UP = "clean-up";
    public static final String EXCLUSIONS = "exclusions";
    /** Optional: a Conditional Access policy requiring phishing-resistant MFA of the accounts, saved then turned on. */
    public static final String DEDICATED_REPORT_ONLY = DedicatedPolicyStage.REPORT_ONLY;
    public static final String DEDICATED_ON = DedicatedPolicyStage.ON;

    private final AccountsStage accounts;
    private final GroupPlan group;
    private final RolePlan role;
    private final MethodsPolicyPlan methods;
    private final TapPlan passes;
    private final CleanUpStage cleanUp;
    private final ExclusionsStage exclusions;
    private final DedicatedPolicyStage dedicatedReportOnly;
    private final DedicatedPolicyStage dedicatedOn;

    /**
     * @param readBack reads the tenant back when a step is stopped mid-way (an account, the group, a pass, a role)
     * @param choice   makes a group created here the tenant's emergency-access group
     */
    public BreakGlassSetup(DirectoryWriter directoryWriter, PolicyWriter policyWriter, TenantWriter tenantWriter,
                           TenantDirectory readBack, GroupChoice choice, PasswordGenerator passwords) {
        this.accounts = new AccountsStage(directoryWriter, readBack, passwords);
        this.group = new GroupPlan(directoryWriter, readBack, choice);
        this.role = new RolePlan(directoryWriter, readBack);
        this.methods = new MethodsPolicyPlan(policyWriter);
        this.passes = new TapPlan(tenantWriter, readBack);
        this.cleanUp = new CleanUpStage(new CleanUpSteps(tenantWriter, directoryWriter, readBack));
        this.exclusions = new ExclusionsStage(policyWriter, directoryWriter);
        this.dedicatedReportOnly = DedicatedPolicyStage.reportOnly(policyWriter);
        this.dedicatedOn = DedicatedPolicyStage.on(policyWriter);
    }

    /** The account (object id) a step of the {@link #TAP} stage gives a pass to; empty for any other step. */
    public static java.util.Optional<String> passStepAccount(String stepId) {
        return stepId.startsWith(TapPlan.STEP_PREFIX) ? java.util.Optional.of(stepId.substring(TapPlan.STEP_PREFIX
                .length())) : java.util.Optional.empty();
    }

    public Procedure<BreakGlassSetupRead, BreakGlassSetupProposal> procedure() {
        return new Procedure<>(ID, TITLE, List.of(
                Stage.of(PLAN, "Plan the accounts", ChoicesStage::propose),
                Stage.of(ACCOUNTS, "Create the accounts", accounts::propose),
                Stage.of(GROUP, "Put them in a role-assignable group", group::propose),
                Stage.of(ROLE, "Make them Global Administrators", role::propose),
                Stage.of(METHODS_POLICY, "Enable passkeys and the Temporary Access Pass for them", methods::propose),
                Stage.of(TAP, "Issue one-time passes", passes::propose),
                Stage.of(REGISTER, "Register one FIDO2 key per account", RegisterStage::propose),
                Stage.of(CLEAN_UP, "Clean up the passes, personal methods and licences", cleanUp::propose),
                exclusions,
                dedicatedReportOnly,
                dedicatedOn));
    }
}
