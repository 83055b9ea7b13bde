package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.plan.PlanForecast;
import dev.gatehouse.domain.journal.JsonLinesJournal;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Cancellation;
import dev.gatehouse.domain.plan.ExecutionListener;
import dev.gatehouse.domain.plan.ExecutionReport;
import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.PlanExecutor;
import dev.gatehouse.domain.plan.Reversibility;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.plan.StepResult;
import dev.gatehouse.domain.policy.PolicyTarget;
import dev.gatehouse.domain.policy.TapSettings;
import dev.gatehouse.domain.recovery.Proposal.Status;
import dev.gatehouse.domain.recovery.RecoveryFixtures.RecordingWriter;
import dev.gatehouse.domain.recovery.RecoveryRequest.DeleteMethod;
import dev.gatehouse.domain.recovery.RecoveryRequest.Disable;
import dev.gatehouse.domain.recovery.RecoveryRequest.Enable;
import dev.gatehouse.domain.recovery.RecoveryRequest.IssueTap;
import dev.gatehouse.domain.recovery.RecoveryRequest.RequireReregister;
import dev.gatehouse.domain.recovery.RecoveryRequest.ResetPassword;
import dev.gatehouse.domain.recovery.RecoveryRequest.RevokeMfaSessions;
import dev.gatehouse.domain.recovery.RecoveryRequest.RevokeSessions;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.UserDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static dev.gatehouse.domain.recovery.RecoveryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RecoveryPlannerTest {

    @TempDir
    Path dir;

    private final RecordingWriter writer = new RecordingWriter();
    private final RecoveryPlanner planner = new RecoveryPlanner(writer);

    private Proposal propose(UserDetail target, RecoveryRequest request) {
        return planner.propose(context(admin(GLOBAL_ADMIN), target), request);
    }

    private ExecutionReport run(Proposal proposal) {
        return new PlanExecutor(new JsonLinesJournal(dir.resolve("journal.jsonl")), "Demo", "adele@tailspintoys.com",
                Clock.fixed(NOW, ZoneOffset.UTC)).execute(proposal.plan().orElseThrow(), new Cancellation(),
                ExecutionListener.NONE);
    }

    private static String text(Plan plan) {
        StringBuilder all = new StringBuilder(String.join("\n", plan.warnings()));
        for (Step step : plan.steps()) {
            all.append('\n').append(step.effect()).append('\n').append(step.userExperience()).append('\n')
                    .append(String.join("\n", step.warnings()));
        }
        return all.toString();
    }

    // --- require re-register ------------------------------------------------------------------------------------

    @Test
    void requireReregisterOnAPasskeyUserDeletesWhatThePortalDeletesAndSaysThePasskeyStillWorks() {
        Proposal proposal = propose(passkeyUser(), new RequireReregister(false));

        assertThat(proposal.status()).isEqualTo(Status.READY);
        Step step = proposal.plan().orElseThrow().steps().get(0);
        assertThat(step.requests()).extracting(GraphRequest::toString).containsExactly(
                "DELETE /users/id-ada-passkey/authentication/phoneMethods/3179e48a-750b-4051-897c-87b9720928f7",
                "DELETE /users/id-ada-passkey/authentication/microsoftAuthenticatorMethods/auth-own");
        assertThat(step.effect()).contains("These 2 methods will be deleted: Phone '+61 4XX XXX 123 (mobile)', "
                + "Microsoft Authenticator 'iPhone 15'").contains("These stay: Password, Passkey (FIDO2) 'YubiKey 5 NFC', "
                + "Windows Hello for Business 'LAPTOP-7', Email 'ada@example.org'");
        assertThat(proposal.warnings()).anyMatch(w -> w.contains("will NOT be forced to re-register")
                && w.contains("YubiKey 5 NFC") && w.contains("Issue a Temporary Access Pass"));
        assertThat(proposal.warnings()).anyMatch(w -> w.contains("Hardware OATH") && w.contains("beta"));
        assertThat(proposal.offersTap()).isTrue();
        assertThat(proposal.after().methods()).extracting(AuthMethod::type).containsExactly(MethodType.PASSWORD,
                MethodType.FIDO2, MethodType.WINDOWS_HELLO_FOR_BUSINESS, MethodType.EMAIL);

        ExecutionReport report = run(proposal);
        assertThat(report.completed()).isTrue();
        assertThat(writer.calls).containsExactly("delete 3179e48a-750b-4051-897c-87b9720928f7", "delete auth-own");
    }

    @Test
    void theForecastSaysAPasskeyUserStillSignsInAfterRequireReregister() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), passkeyUser());
        PlanForecast forecast = context.forecast(planner.propose(context, new RequireReregister(false)));

        assertThat(forecast.after().summary()).contains("signs in with passkey").contains("not prompted to register");
        assertThat(forecast.assumptions()).isEmpty();
    }

    @Test
    void theForecastAfterDisablingSaysTheUserCannotSignIn() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), smsOnlyUser());
        PlanForecast forecast = context.forecast(planner.propose(context, new Disable()));

        assertThat(forecast.before().summary()).doesNotContain("disabled");
        assertThat(forecast.after().summary()).containsIgnoringCase("disabled");
    }

    @Test
    void requireReregisterWithATapAddsTheOneTimePassAfterTheDeletes() {
        Proposal proposal = propose(passkeyUser(), new RequireReregister(true));

        assertThat(proposal.plan().orElseThrow().steps()).extracting(Step::id)
                .containsExactly("delete-mfa-methods", "issue-tap");
        assertThat(proposal.offersTap()).isFalse();
        ExecutionReport report = run(proposal);
        assertThat(writer.calls).last().isEqualTo("tap id-ada-passkey 60 true");
        assertThat(report.outcomes().get(1).result().flatMap(StepResult::secret)).isPresent();
    }

    @Test
    void requireReregisterOnAnSmsOnlyUserLeavesNoMfaAndSaysTheyWillBeAskedToRegister() {
        Proposal proposal = propose(smsOnlyUser(), new RequireReregister(false));

        Step step = proposal.plan().orElseThrow().steps().get(0);
        assertThat(step.risk()).isEqualTo(Risk.HIGH);
        assertThat(step.userExperience()).contains("asked to register");
        assertThat(proposal.offersTap()).isFalse();
        assertThat(proposal.warnings()).noneMatch(w -> w.contains("NOT be forced"));
    }

    @Test
    void requireReregisterWithNothingToDeleteSaysSo() {
        Proposal proposal = propose(user("Pia Passkey", PASSWORD, YUBIKEY), new RequireReregister(false));

        assertThat(proposal.status()).isEqualTo(Status.NOTHING_TO_DO);
        assertThat(proposal.message()).contains("would delete nothing");
        assertThat(proposal.offersTap()).isTrue();
    }

    @Test
    void aFailedDeleteSaysWhichMethodsWereAlreadyDeleted() {
        writer.failOnDelete = "auth-own";
        writer.failure = new TenantException(TenantException.Kind.UNAVAILABLE, "Graph is unavailable.");
        ExecutionReport report = run(propose(passkeyUser(), new RequireReregister(false)));

        assertThat(report.completed()).isFalse();
        assertThat(report.summary()).contains("Graph is unavailable.")
                .contains("Already deleted before this failure: Phone '+61 4XX XXX 123 (mobile)'");
    }

    @Test
    void aMethodAlreadyGoneCountsAsDeletedSoARetryResumes() {
        writer.failOnDelete = "3179e48a-750b-4051-897c-87b9720928f7";
        writer.failure = new TenantException(TenantException.Kind.NOT_FOUND, "gone");
        ExecutionReport report = run(propose(passkeyUser(), new RequireReregister(false)));

        assertThat(report.completed()).isTrue();
        assertThat(report.outcomes().get(0).message()).contains("Already gone: Phone");
    }

    // --- reset password ---------------------------------------------------------------------------------------

    @Test
    void resetPasswordMasksThePasswordGeneratesItOnlyWhenRunAndShowsItOnce() {
        Proposal proposal = propose(smsOnlyUser(), new ResetPassword(true));

        Step step = proposal.plan().orElseThrow().steps().get(0);
        assertThat(step.requests().get(0).toString()).isEqualTo("POST /users/id-sam-sms/authentication/methods/"
                + MethodType.PASSWORD_METHOD_ID + "/resetPassword\n{\"newPassword\": \"" + GraphRequest.SECRET_MASK + "\"}");
        assertThat(step.effect()).contains("must change at next sign-in")
                .contains("revokes the sessions and refresh tokens obtained with the password").contains("Revoke sign-in sessions");
        assertThat(proposal.secretInTwoParts()).isTrue();
        assertThat(proposal.after().mustChangePassword()).isTrue();
        assertThat(writer.calls).isEmpty();

        ExecutionReport report = run(proposal);
        assertThat(writer.calls).containsExactly("reset id-sam-sms length 16");
        String password = report.outcomes().get(0).result().orElseThrow().secret().orElseThrow().reveal();
        assertThat(password).hasSize(16);
        assertThat(Files.exists(dir.resolve("journal.jsonl"))).isTrue();
    }

    @Test
    void aResetGraphAcceptedButGatehouseCouldNotConfirmStillHandsOverThePassword() {
        writer.resetAnswer = new dev.gatehouse.domain.tenant.TenantWriter.PasswordReset(Optional.of(
                "Graph accepted the password reset of Sam Sms, but Gatehouse could not confirm that it finished."));

        ExecutionReport report = run(propose(smsOnlyUser(), new ResetPassword(false)));

        assertThat(report.outcomes().get(0).status()).isEqualTo(dev.gatehouse.domain.plan.StepStatus.DONE);
        assertThat(report.outcomes().get(0).message()).contains("could not confirm");
        assertThat(report.outcomes().get(0).result().orElseThrow().secret()).isPresent();
    }

    @Test
    void resetPasswordForAPasswordlessUserSaysItChangesNothingAboutHowTheySignIn() {
        Proposal proposal = propose(user("Pia Passkey", PASSWORD, YUBIKEY, HELLO), new ResetPassword(false));

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("signs in without a password"));
        assertThat(proposal.plan().orElseThrow().steps().get(0).userExperience()).contains("does not change");
    }

    @Test
    void resetPasswordForASyncedUserExplainsWriteback() {
        Proposal proposal = propose(syncedUser(), new ResetPassword(false));

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("password writeback"));
    }

    @Test
    void nobodyResetsTheirOwnPasswordThroughGraph() {
        UserDetail self = new UserDetail(admin(GLOBAL_ADMIN).profile(), List.of(GLOBAL_ADMIN), List.of(),
                List.of(PASSWORD));
        Proposal proposal = planner.propose(context(admin(GLOBAL_ADMIN), self), new ResetPassword(false));

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("cannot target your own account");
    }

    // --- role guardrail ---------------------------------------------------------------------------------------

    @Test
    void anAuthenticationAdministratorActingOnAnAdminGetsAnExplanationNotAPlan() {
        Proposal proposal = planner.propose(context(admin(AUTH_ADMIN), adminTarget()), new RequireReregister(false));

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.plan()).isEmpty();
        assertThat(proposal.message()).contains("You cannot delete the authentication methods of Grace Admin")
                .contains("User Administrator").contains("Privileged Authentication Administrator")
                .contains("You hold Authentication Administrator");
    }

    @Test
    void anAuthenticationAdministratorMayActOnAnOrdinaryUserAndTheStepNamesTheRolesNeeded() {
        Proposal proposal = planner.propose(context(admin(AUTH_ADMIN), smsOnlyUser()), new RequireReregister(false));

        assertThat(proposal.status()).isEqualTo(Status.READY);
        Step step = proposal.plan().orElseThrow().steps().get(0);
        assertThat(step.access().permission()).isEqualTo("UserAuthenticationMethod.ReadWrite.All");
        assertThat(step.access().roles()).contains("Authentication Administrator",
                "Privileged Authentication Administrator", "Global Administrator");
    }

    @Test
    void aPrivilegedAuthenticationAdministratorReachesAdmins() {
        Proposal proposal = planner.propose(context(admin(PRIV_AUTH_ADMIN), adminTarget()), new ResetPassword(false));

        assertThat(proposal.status()).isEqualTo(Status.READY);
        assertThat(proposal.plan().orElseThrow().steps().get(0).access().roles())
                .containsExactly("Privileged Authentication Administrator", "Global Administrator");
    }

    @Test
    void roleAssignableGroupMembersAreBeyondAnAuthenticationAdministrator() {
        Proposal proposal = planner.propose(context(admin(AUTH_ADMIN), breakGlass()), new IssueTap(OptionalInt.empty(), false));

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("role-assignable group");
    }

    @Test
    void breakGlassAccountsGetAWarning() {
        Proposal proposal = propose(breakGlass(), new RevokeSessions());

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("break-glass"));
    }

    @Test
    void actingOnYourselfIsWarned() {
        UserDetail self = new UserDetail(admin(GLOBAL_ADMIN).profile(), List.of(GLOBAL_ADMIN), List.of(),
                List.of(PASSWORD, AUTHENTICATOR));
        Proposal proposal = planner.propose(context(admin(GLOBAL_ADMIN), self), new RevokeSessions());

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("your own account") && w.contains("signs this console out"));
    }

    @Test
    void unreadableRolesAreTreatedAsPrivileged() {
        UserDetail base = smsOnlyUser();
        UserDetail unknown = new UserDetail(base.profile(), List.of(), List.of(), base.methods(),
                java.util.Map.of(UserDetail.Part.ROLES, "needs RoleManagement.Read.Directory"));
        Proposal proposal = planner.propose(context(admin(AUTH_ADMIN), unknown), new ResetPassword(false));

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("could not be read");
    }

    // --- revoke sessions / MFA sessions -------------------------------------------------------------------------

    @Test
    void revokeSessionsExplainsCaeTimingAndMovesSessionsValidFrom() {
        Proposal proposal = propose(passkeyUser(), new RevokeSessions());

        Step step = proposal.plan().orElseThrow().steps().get(0);
        assertThat(step.requests()).extracting(GraphRequest::toString)
                .containsExactly("POST /users/id-ada-passkey/revokeSignInSessions");
        assertThat(step.userExperience()).contains("Teams").contains("about an hour");
        assertThat(step.access().permission()).isEqualTo("User.RevokeSessions.All");
        assertThat(proposal.after().profile().signInSessionsValidFrom()).isEqualTo(NOW);
        run(proposal);
        assertThat(writer.calls).containsExactly("revoke id-ada-passkey");
    }

    @Test
    void revokeSessionsOnAGuestSaysItHasNoEffect() {
        Proposal proposal = propose(guest(), new RevokeSessions());

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("guest") && w.contains("no effect"));
    }

    @Test
    void revokeMfaSessionsSaysThereIsNoApiAndOffersRevokeSessions() {
        Proposal proposal = propose(passkeyUser(), new RevokeMfaSessions());

        assertThat(proposal.status()).isEqualTo(Status.NO_API);
        assertThat(proposal.message()).contains("no API").contains("remembered MFA")
                .contains("does not sign them out of browser sessions");
        assertThat(proposal.alternative()).contains(RecoveryAction.REVOKE_SESSIONS);
    }

    // --- TAP --------------------------------------------------------------------------------------------------

    @Test
    void issueTapUsesThePolicyDefaultAndWarnsThatOldMethodsStay() {
        Proposal proposal = propose(compromisedUser(), IssueTap.policyDefault());

        Step step = proposal.plan().orElseThrow().steps().get(0);
        assertThat(step.requests().get(0).body()).isEqualTo("{\"lifetimeInMinutes\": 60, \"isUsableOnce\": true}");
        assertThat(step.effect()).contains("one-time").contains("1 hour");
        assertThat(proposal.warnings()).anyMatch(w -> w.contains("removes no method"));
    }

    @Test
    void aPassWhoseAnswerWasLostSaysToDeleteItBeforeIssuingAnother() {
        writer.tapFailure = new TenantException(TenantException.Kind.UNAVAILABLE, "The connection broke; the change may "
                + "or may not have been applied.");

        ExecutionReport report = run(propose(smsOnlyUser(), IssueTap.policyDefault()));

        assertThat(report.summary()).contains("may or may not").contains("its code is lost")
                .contains("delete that Temporary Access Pass before issuing another");
    }

    @Test
    void issueTapToAUserWhoHasOneSaysItReplacesIt() {
        Proposal proposal = propose(tapUser(), new IssueTap(OptionalInt.of(120), true));

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("Replaces the pass"));
        assertThat(proposal.after().methods()).filteredOn(m -> m.type() == MethodType.TEMPORARY_ACCESS_PASS).hasSize(1);
    }

    @Test
    void anOutOfRangeLifetimeIsRefusedWithTheAllowedRange() {
        Proposal proposal = propose(smsOnlyUser(), new IssueTap(OptionalInt.of(5), false));

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("5 minutes").contains("10–480 minutes").contains("default 60");
    }

    @Test
    void aMultiUsePassIsRefusedWhenThePolicyAllowsOneTimeOnly() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), smsOnlyUser(), Optional.of(
                policy(new TapSettings(60, 10, 480, true, 8), PolicyTarget.allUsers())));
        Proposal proposal = planner.propose(context, new IssueTap(OptionalInt.empty(), true));

        assertThat(proposal.message()).contains("one-time passes only");
    }

    @Test
    void aTapPolicyThatDoesNotTargetTheUserIsExplainedBeforeGraphRefusesIt() {
        RecoveryContext context = context(admin(GLOBAL_ADMIN), smsOnlyUser(), Optional.of(policy(
                new TapSettings(60, 10, 480, false, 8), new PolicyTarget(PolicyTarget.Kind.GROUP, "g-bg",
                        "Emergency Access Accounts"))));
        Proposal proposal = planner.propose(context, IssueTap.policyDefault());

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("Enabled only for group 'Emergency Access Accounts'");
    }

    @Test
    void unreadableGroupsLeaveTheTapPolicyTargetingToEntraWithAWarningInsteadOfARefusal() {
        RecoveryContext unknownGroups = new RecoveryContext(admin(GLOBAL_ADMIN), smsOnlyUser(), List.of(),
                Optional.of(policy(new TapSettings(60, 10, 480, false, 8), new PolicyTarget(PolicyTarget.Kind.GROUP,
                        "g-helpdesk-pilot", "TAP pilot"))), List.of(), List.of(),
                java.util.Map.of(RecoveryContext.GROUPS, "needs GroupMember.Read.All"), NOW, java.time.Duration.ofDays(7));

        Proposal proposal = planner.propose(unknownGroups, IssueTap.policyDefault());

        assertThat(proposal.status()).isEqualTo(Status.READY);
        assertThat(proposal.warnings()).anyMatch(w -> w.contains("group memberships could not be read")
                && w.contains("needs GroupMember.Read.All"));
    }

    @Test
    void guestsCannotGetATap() {
        assertThat(propose(guest(), IssueTap.policyDefault()).message()).contains("does not work for guest users");
    }

    @Test
    void nobodyIssuesATapToThemselves() {
        UserDetail self = new UserDetail(admin(GLOBAL_ADMIN).profile(), List.of(GLOBAL_ADMIN), List.of(),
                List.of(PASSWORD));
        assertThat(planner.propose(context(admin(GLOBAL_ADMIN), self), IssueTap.policyDefault()).message())
                .contains("Nobody can issue a Temporary Access Pass to themselves");
    }

    // --- delete one method ------------------------------------------------------------------------------------

    @Test
    void deletingTheLastPhishingResistantMethodIsLoud() {
        Proposal proposal = propose(user("Pia Passkey", PASSWORD, YUBIKEY, AUTHENTICATOR), new DeleteMethod("fido-1"));

        assertThat(proposal.warnings()).anyMatch(w -> w.startsWith("LAST PHISHING-RESISTANT METHOD"));
        assertThat(proposal.plan().orElseThrow().highestRisk()).isEqualTo(Risk.HIGH);
        assertThat(proposal.plan().orElseThrow().steps().get(0).requests().get(0).path())
                .isEqualTo("/users/id-pia-passkey/authentication/fido2Methods/fido-1");
    }

    @Test
    void deletingTheLastMfaMethodIsLoud() {
        Proposal proposal = propose(smsOnlyUser(), new DeleteMethod(PHONE.id()));

        assertThat(proposal.warnings()).anyMatch(w -> w.startsWith("LAST MFA METHOD"));
    }

    @Test
    void deletingAPhoneTheAuditLogDatesToYesterdaySaysTheDateComesFromTheLog() {
        AuthMethod attackerPhone = phone("b6332ec1-7057-4abe-9331-3d72feddfe41", "+44 7700900461",
                dev.gatehouse.domain.method.PhoneType.ALTERNATE_MOBILE);
        RecoveryContext context = context(admin(GLOBAL_ADMIN), user("Alex Wilber", PASSWORD, AUTHENTICATOR,
                attackerPhone), registered("User registered Alternate Mobile Phone", java.time.Duration.ofDays(1)));

        Proposal proposal = planner.propose(context, new DeleteMethod(attackerPhone.id()));

        assertThat(proposal.warnings()).contains("Registered recently, 21 Nov 2026, 10:00 UTC (date from the directory "
                + "audit log: \"User registered Alternate Mobile Phone\" by alex.wilber@tailspintoys.com from "
                + "198.51.100.77): if Alex Wilber did not add it, treat the account as compromised and use the "
                + "playbook instead.");
    }

    @Test
    void deletingARecentMethodPointsAtThePlaybook() {
        Proposal proposal = propose(compromisedUser(), new DeleteMethod("auth-attacker"));

        assertThat(proposal.warnings()).anyMatch(w -> w.contains("Registered recently") && w.contains("playbook"));
        assertThat(proposal.warnings()).noneMatch(w -> w.startsWith("LAST"));
    }

    @Test
    void thePasswordAndUnknownIdsCannotBeDeleted() {
        assertThat(propose(smsOnlyUser(), new DeleteMethod(MethodType.PASSWORD_METHOD_ID)).message())
                .contains("password method cannot be deleted");
        assertThat(propose(smsOnlyUser(), new DeleteMethod("nope")).message()).contains("no method with id 'nope'");
    }

    // --- disable / enable --------------------------------------------------------------------------------------

    @Test
    void disableExplainsThatIssuedTokensSurviveAndEnableIsNothingToDoForAnEnabledUser() {
        Proposal disable = propose(smsOnlyUser(), new Disable());
        assertThat(disable.plan().orElseThrow().steps().get(0).userExperience()).contains("not recalled");
        assertThat(disable.plan().orElseThrow().steps().get(0).reversibility().kind())
                .isEqualTo(Reversibility.Kind.REVERSIBLE);
        assertThat(disable.after().profile().accountEnabled()).isFalse();

        assertThat(propose(smsOnlyUser(), new Enable()).status()).isEqualTo(Status.NOTHING_TO_DO);
    }

    @Test
    void syncedAccountsAreEnabledAndDisabledInActiveDirectory() {
        Proposal proposal = propose(syncedUser(), new Disable());

        assertThat(proposal.status()).isEqualTo(Status.REFUSED);
        assertThat(proposal.message()).contains("on-premises Active Directory");
    }

    @Test
    void aUserAdministratorMayDisableOrdinaryUsersButNotAdmins() {
        assertThat(planner.propose(context(admin(USER_ADMIN), smsOnlyUser()), new Disable()).ready()).isTrue();
        UserDetail globalAdmin = new UserDetail(smsOnlyUser().profile(), List.of(GLOBAL_ADMIN), List.of(),
                smsOnlyUser().methods());
        assertThat(planner.propose(context(admin(USER_ADMIN), globalAdmin), new Disable()).status())
                .isEqualTo(Status.REFUSED);
    }
}
