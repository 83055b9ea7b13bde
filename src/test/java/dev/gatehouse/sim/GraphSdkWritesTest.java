package dev.gatehouse.sim;

import com.microsoft.graph.identity.conditionalaccess.evaluate.EvaluatePostRequestBody;
import com.microsoft.graph.models.AuthenticationMethodModes;
import com.microsoft.graph.models.AuthenticationMethodState;
import com.microsoft.graph.models.AuthenticationPhoneType;
import com.microsoft.graph.models.AuthenticationStrengthPolicy;
import com.microsoft.graph.models.AuthenticationStrengthUsage;
import com.microsoft.graph.models.ConditionalAccessApplications;
import com.microsoft.graph.models.ConditionalAccessClientApp;
import com.microsoft.graph.models.ConditionalAccessConditionSet;
import com.microsoft.graph.models.ConditionalAccessGrantControl;
import com.microsoft.graph.models.ConditionalAccessGrantControls;
import com.microsoft.graph.models.ConditionalAccessPolicy;
import com.microsoft.graph.models.ConditionalAccessPolicyState;
import com.microsoft.graph.models.ConditionalAccessUsers;
import com.microsoft.graph.models.DeviceInfo;
import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.LongRunningOperation;
import com.microsoft.graph.models.LongRunningOperationStatus;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.PasswordResetResponse;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.SignInConditions;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethodConfiguration;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.UpdateAllowedCombinationsResult;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserAction;
import com.microsoft.graph.models.UserActionContext;
import com.microsoft.graph.models.UserRegistrationDetails;
import com.microsoft.graph.models.UserSignIn;
import com.microsoft.graph.models.WhatIfAnalysisResult;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.policies.authenticationstrengthpolicies.item.updateallowedcombinations.UpdateAllowedCombinationsPostRequestBody;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.authentication.methods.item.resetpassword.ResetPasswordPostRequestBody;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every write family through the real Graph Java SDK v6: it must build requests the sim accepts and read its answers. */
class GraphSdkWritesTest extends OnWritableBaseline {

    private static final String ADELE = "adele.vance@tailspintoys.com";
    private static final String PASSWORD_METHOD = "28c10230-6103-485e-b985-444c60001490";

    @Test
    void usersAreCreatedUpdatedAndRevoked() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, ADELE);
        User draft = new User();
        draft.setAccountEnabled(true);
        draft.setDisplayName("Emergency Access 03");
        draft.setMailNickname("bg-admin-03");
        draft.setUserPrincipalName("bg-admin-03@tailspintoys.onmicrosoft.com");
        PasswordProfile profile = new PasswordProfile();
        profile.setPassword("Xw7!kq-Lp2#vR9z");
        profile.setForceChangePasswordNextSignIn(false);
        draft.setPasswordProfile(profile);
        User created = graph.users().post(draft);
        assertThat(created.getId()).isNotBlank();

        User disable = new User();
        disable.setAccountEnabled(false);
        graph.users().byUserId(created.getId()).patch(disable);
        assertThat(graph.users().byUserId(created.getId()).get(c -> c.queryParameters.select = new String[]{"accountEnabled"})
                .getAccountEnabled()).isFalse();
        assertThat(graph.users().byUserId("megan.bowen@tailspintoys.com").revokeSignInSessions().post().getValue()).isTrue();
        assertThatThrownBy(() -> graph.users().post(draft)).isInstanceOfSatisfying(ODataError.class,
                e -> assertThat(e.getResponseStatusCode()).isEqualTo(400));
    }

    @Test
    void aTemporaryAccessPassIsReturnedOnceAndNeverAgain() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, "patti.fernandez@tailspintoys.com");
        TemporaryAccessPassAuthenticationMethod request = new TemporaryAccessPassAuthenticationMethod();
        request.setLifetimeInMinutes(60);
        request.setIsUsableOnce(true);
        TemporaryAccessPassAuthenticationMethod created = graph.users().byUserId("megan.bowen@tailspintoys.com")
                .authentication().temporaryAccessPassMethods().post(request);
        assertThat(created.getTemporaryAccessPass()).hasSize(8);
        assertThat(created.getIsUsable()).isTrue();
        List<TemporaryAccessPassAuthenticationMethod> listed = graph.users().byUserId("megan.bowen@tailspintoys.com")
                .authentication().temporaryAccessPassMethods().get().getValue();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).getTemporaryAccessPass()).isNull();
        assertThatThrownBy(() -> graph.users().byUserId("isaiah.langer@tailspintoys.com").authentication()
                .temporaryAccessPassMethods().post(request)).isInstanceOfSatisfying(ODataError.class, e -> {
                    assertThat(e.getResponseStatusCode()).isEqualTo(403);
                    assertThat(e.getError().getCode()).isEqualTo("accessDenied");
                });
    }

    @Test
    void methodsAreAddedDeletedAndThePasswordReset() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, ADELE);
        var tom = graph.users().byUserId("tom.harris@tailspintoys.com").authentication();
        PhoneAuthenticationMethod phone = new PhoneAuthenticationMethod();
        phone.setPhoneNumber("+61 491570111");
        phone.setPhoneType(AuthenticationPhoneType.Mobile);
        assertThat(tom.phoneMethods().post(phone).getId()).isEqualTo("3179e48a-750b-4051-897c-87b9720928f7");
        tom.phoneMethods().byPhoneAuthenticationMethodId("3179e48a-750b-4051-897c-87b9720928f7").delete();
        assertThat(tom.phoneMethods().get().getValue()).isEmpty();

        PasswordResetResponse reset = tom.methods().byAuthenticationMethodId(PASSWORD_METHOD).resetPassword()
                .post(new ResetPasswordPostRequestBody());
        assertThat(reset.getNewPassword()).matches("[A-Z][a-z]{3}[0-9]{4}");
        List<LongRunningOperation> operations = tom.operations().get().getValue();
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0).getStatus()).isEqualTo(LongRunningOperationStatus.Running);
        advance(Duration.ofSeconds(1));
        assertThat(tom.operations().byLongRunningOperationId(operations.get(0).getId()).get().getStatus())
                .isEqualTo(LongRunningOperationStatus.Succeeded);
    }

    @Test
    void theTapPolicyIsPatchedWithItsODataType() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, "lee.gu@tailspintoys.com");
        TemporaryAccessPassAuthenticationMethodConfiguration change = new TemporaryAccessPassAuthenticationMethodConfiguration();
        change.setIsUsableOnce(true);
        change.setState(AuthenticationMethodState.Enabled);
        graph.policies().authenticationMethodsPolicy().authenticationMethodConfigurations()
                .byAuthenticationMethodConfigurationId("TemporaryAccessPass").patch(change);
        var read = (TemporaryAccessPassAuthenticationMethodConfiguration) graph.policies().authenticationMethodsPolicy()
                .authenticationMethodConfigurations().byAuthenticationMethodConfigurationId("TemporaryAccessPass").get();
        assertThat(read.getIsUsableOnce()).isTrue();
    }

    @Test
    void groupsMembersAndRoles() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, ADELE);
        Group draft = new Group();
        draft.setDisplayName("Emergency Access (new)");
        draft.setMailEnabled(false);
        draft.setMailNickname("ea-new");
        draft.setSecurityEnabled(true);
        draft.setIsAssignableToRole(true);
        Group group = graph.groups().post(draft);
        assertThat(group.getIsAssignableToRole()).isTrue();
        String megan = id("megan.bowen@tailspintoys.com");
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + megan);
        graph.groups().byGroupId(group.getId()).members().ref().post(reference);
        assertThat(graph.groups().byGroupId(group.getId()).members().get().getValue()).hasSize(1);
        graph.groups().byGroupId(group.getId()).members().byDirectoryObjectId(megan).ref().delete();
        assertThat(graph.groups().byGroupId(group.getId()).members().get().getValue()).isEmpty();

        UnifiedRoleAssignment assignment = new UnifiedRoleAssignment();
        assignment.setRoleDefinitionId("62e90394-69f5-4237-9190-012177145e10");
        assignment.setPrincipalId(group.getId());
        assignment.setDirectoryScopeId("/");
        UnifiedRoleAssignment created = graph.roleManagement().directory().roleAssignments().post(assignment);
        assertThat(created.getPrincipalId()).isEqualTo(group.getId());
        graph.roleManagement().directory().roleAssignments().byUnifiedRoleAssignmentId(created.getId()).delete();
    }

    @Test
    void conditionalAccessAndStrengthsAndWhatIf() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, "lee.gu@tailspintoys.com");
        AuthenticationStrengthPolicy strengthDraft = new AuthenticationStrengthPolicy();
        strengthDraft.setDisplayName("Bootstrap FIDO2 or TAP");
        strengthDraft.setAllowedCombinations(List.of(AuthenticationMethodModes.Fido2,
                AuthenticationMethodModes.TemporaryAccessPassOneTime));
        AuthenticationStrengthPolicy strength = graph.policies().authenticationStrengthPolicies().post(strengthDraft);
        assertThat(strength.getId()).isNotBlank();

        ConditionalAccessPolicy draft = new ConditionalAccessPolicy();
        draft.setDisplayName("Protect security info registration");
        draft.setState(ConditionalAccessPolicyState.EnabledForReportingButNotEnforced);
        ConditionalAccessConditionSet conditions = new ConditionalAccessConditionSet();
        conditions.setClientAppTypes(List.of(ConditionalAccessClientApp.All));
        ConditionalAccessApplications applications = new ConditionalAccessApplications();
        applications.setIncludeApplications(List.of());
        applications.setIncludeUserActions(List.of("urn:user:registersecurityinfo"));
        conditions.setApplications(applications);
        ConditionalAccessUsers users = new ConditionalAccessUsers();
        users.setIncludeUsers(List.of("All"));
        users.setExcludeGroups(List.of(groupId("Emergency Access Accounts")));
        conditions.setUsers(users);
        draft.setConditions(conditions);
        ConditionalAccessGrantControls grant = new ConditionalAccessGrantControls();
        grant.setOperator("OR");
        grant.setBuiltInControls(List.of(ConditionalAccessGrantControl.CompliantDevice));
        AuthenticationStrengthPolicy reference = new AuthenticationStrengthPolicy();
        reference.setId(strength.getId());
        grant.setAuthenticationStrength(reference);
        draft.setGrantControls(grant);
        ConditionalAccessPolicy policy = graph.identity().conditionalAccess().policies().post(draft);
        assertThat(policy.getGrantControls().getAuthenticationStrength().getDisplayName())
                .isEqualTo("Bootstrap FIDO2 or TAP");

        EvaluatePostRequestBody whatIf = new EvaluatePostRequestBody();
        UserSignIn identity = new UserSignIn();
        identity.setUserId(id(ADELE));
        whatIf.setSignInIdentity(identity);
        UserActionContext context = new UserActionContext();
        context.setUserAction(UserAction.RegisterSecurityInformation);
        whatIf.setSignInContext(context);
        SignInConditions signIn = new SignInConditions();
        DeviceInfo device = new DeviceInfo();
        device.setIsCompliant(true);
        signIn.setDeviceInfo(device);
        signIn.setClientAppType(ConditionalAccessClientApp.Browser);
        whatIf.setSignInConditions(signIn);
        whatIf.setAppliedPoliciesOnly(true);
        List<WhatIfAnalysisResult> results = graph.identity().conditionalAccess().evaluate().post(whatIf).getValue();
        assertThat(results).extracting(WhatIfAnalysisResult::getDisplayName).contains("Protect security info registration");
        assertThat(results).allMatch(WhatIfAnalysisResult::getPolicyApplies);

        AuthenticationStrengthUsage usage = graph.policies().authenticationStrengthPolicies()
                .byAuthenticationStrengthPolicyId(strength.getId()).usage().get();
        assertThat(usage.getNone()).extracting(ConditionalAccessPolicy::getId).containsExactly(policy.getId());
        UpdateAllowedCombinationsPostRequestBody combinations = new UpdateAllowedCombinationsPostRequestBody();
        combinations.setAllowedCombinations(List.of(AuthenticationMethodModes.Fido2));
        UpdateAllowedCombinationsResult updated = graph.policies().authenticationStrengthPolicies()
                .byAuthenticationStrengthPolicyId(strength.getId()).updateAllowedCombinations().post(combinations);
        assertThat(updated.getCurrentCombinations()).containsExactly(AuthenticationMethodModes.Fido2);
        assertThat(updated.getConditionalAccessReferences()).containsExactly(policy.getId());
    }

    @Test
    void reportsAndLogsDeserialize() {
        GraphServiceClient graph = GraphSdkSmokeTest.client(sim, "johanna.lorenz@tailspintoys.com");
        List<UserRegistrationDetails> details = graph.reports().authenticationMethods().userRegistrationDetails()
                .get(c -> c.queryParameters.filter = "isMfaRegistered eq false").getValue();
        assertThat(details).isNotEmpty().allMatch(d -> !d.getIsMfaRegistered());
        List<DirectoryAudit> audits = graph.auditLogs().directoryAudits().get().getValue();
        assertThat(audits).isNotEmpty();
        assertThat(audits.get(0).getActivityDateTime()).isNotNull();
        assertThat(graph.auditLogs().signIns().get().getValue()).isNotEmpty();
    }
}
