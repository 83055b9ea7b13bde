package dev.gatehouse.graph.signin;

import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.microsoft.aad.msal4j.AuthenticationErrorCode;
import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IPublicClientApplication;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.graph.GraphCloud;
import dev.gatehouse.graph.PermissionSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MsalTokenSourceTest {

    private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    private static final String CONTOSO = "aaaaaaaa-0000-0000-0000-00000000c0de";
    private static final String FABRIKAM = "bbbbbbbb-0000-0000-0000-0000000fab01";
    private static final String GLOBAL_CACHE_HOST = "login.windows.net";

    private final List<String> calls = new ArrayList<>();
    private final List<String> shownCodes = new ArrayList<>();
    private Set<IAccount> cachedAccounts = Set.of();
    private Function<SilentParameters, CompletableFuture<IAuthenticationResult>> silent =
            p -> CompletableFuture.completedFuture(result("silent-token", p.scopes()));
    private Function<Object, CompletableFuture<IAuthenticationResult>> interactive =
            p -> CompletableFuture.completedFuture(result("interactive-token", Set.of("User.Read")));

    private final SignInPrompt prompt = new SignInPrompt() {
        @Override
        public void showDeviceCode(String userCode, String verificationUri, String message) {
            shownCodes.add(userCode + " at " + verificationUri);
        }

        @Override
        public void browserOpened() {
            calls.add("browserOpened");
        }
    };

    @ParameterizedTest
    @EnumSource(GraphCloud.class)
    void theMsalApplicationBuildsOfflineForEveryCloud(GraphCloud cloud) {
        SignInSettings settings = new SignInSettings(CLIENT_ID, "contoso.onmicrosoft.com", cloud,
                SignInRequest.Flow.INTERACTIVE_BROWSER, Path.of("unused"), false);

        PublicClientApplication app = MsalTokenSource.application(settings, null);

        assertThat(app.authority()).isEqualTo(cloud.authority("contoso.onmicrosoft.com"));
        assertThat(app.clientId()).isEqualTo(CLIENT_ID);
    }

    @Test
    void withNoCachedAccountItSignsInWithTheDeviceCodeAndShowsTheCode() {
        interactive = p -> {
            DeviceCodeFlowParameters parameters = (DeviceCodeFlowParameters) p;
            parameters.deviceCodeConsumer().accept(deviceCode("ABCD-EFGH", "https://microsoft.com/devicelogin"));
            return CompletableFuture.completedFuture(result("device-token", parameters.scopes()));
        };
        MsalTokenSource source = source(GraphCloud.US_GOV, SignInRequest.Flow.DEVICE_CODE);

        String token = source.accessToken(Set.of("User.Read.All"));

        assertThat(token).isEqualTo("device-token");
        assertThat(calls).containsExactly("getAccounts", "deviceCode");
        assertThat(shownCodes).containsExactly("ABCD-EFGH at https://microsoft.com/devicelogin");
        assertThat(source.grantedScopes()).contains(Set.of("User.Read.All"));
    }

    @Test
    void aCachedAccountIsUsedSilentlyFirstWithCloudQualifiedScopes() {
        cachedAccounts = Set.of(account("ada@contoso.us", CONTOSO, "login.microsoftonline.us"));
        List<Set<String>> askedScopes = new ArrayList<>();
        silent = p -> {
            askedScopes.add(p.scopes());
            return CompletableFuture.completedFuture(result("silent-token", p.scopes()));
        };
        MsalTokenSource source = source(GraphCloud.US_GOV, CONTOSO, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThat(source.accessToken(PermissionSet.USERS_READ.scopes())).isEqualTo("silent-token");

        assertThat(calls).containsExactly("getAccounts", "silent");
        assertThat(askedScopes.get(0)).contains("https://graph.microsoft.us/UserAuthenticationMethod.Read.All");
    }

    @Test
    void interactionRequiredFallsBackToTheBrowserWithTheAccountAsLoginHint() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST));
        silent = p -> CompletableFuture.failedFuture(interactionRequired());
        List<InteractiveRequestParameters> browserRequests = new ArrayList<>();
        interactive = p -> {
            browserRequests.add((InteractiveRequestParameters) p);
            return CompletableFuture.completedFuture(result("interactive-token", Set.of("User.Read")));
        };
        MsalTokenSource source = source(GraphCloud.GLOBAL, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThat(source.accessToken(Set.of("User.Read"))).isEqualTo("interactive-token");

        assertThat(calls).containsExactly("getAccounts", "silent", "browser");
        assertThat(browserRequests.get(0).redirectUri()).hasToString("http://localhost");
        assertThat(browserRequests.get(0).loginHint()).isEqualTo("ada@contoso.com");
    }

    @Test
    void aCacheMissFallsBackToTheBrowserInsteadOfFailing() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST));
        // what msal4j 1.26 throws when the cache has neither a usable access token nor a refresh token
        silent = p -> CompletableFuture.failedFuture(
                new MsalClientException("Token not found in the cache", AuthenticationErrorCode.CACHE_MISS));
        MsalTokenSource source = source(GraphCloud.GLOBAL, CONTOSO, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThat(source.accessToken(Set.of("User.Read"))).isEqualTo("interactive-token");

        assertThat(calls).containsExactly("getAccounts", "silent", "browser");
    }

    @Test
    void otherSilentFailuresAreStillReportedAsSignInErrors() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST));
        silent = p -> CompletableFuture.failedFuture(new MsalClientException("Unable to reach the network", "http"));
        MsalTokenSource source = source(GraphCloud.GLOBAL, CONTOSO, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThatThrownBy(() -> source.accessToken(Set.of("User.Read")))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).contains("Unable to reach the network");
                });
        assertThat(calls).containsExactly("getAccounts", "silent");
    }

    @Test
    void anAccountOfAnotherTenantInTheSharedCacheIsNotReused() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST));
        List<InteractiveRequestParameters> browserRequests = new ArrayList<>();
        interactive = p -> {
            browserRequests.add((InteractiveRequestParameters) p);
            return CompletableFuture.completedFuture(result("interactive-token", Set.of("User.Read")));
        };
        MsalTokenSource source = source(GraphCloud.GLOBAL, FABRIKAM, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThat(source.accessToken(Set.of("User.Read"))).isEqualTo("interactive-token");

        assertThat(calls).containsExactly("getAccounts", "browser");
        assertThat(browserRequests.get(0).loginHint()).isNull();
    }

    @Test
    void theRequestedTenantPicksItsAccountAmongSeveral() {
        IAccount ada = account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST);
        IAccount bob = account("bob@fabrikam.com", FABRIKAM, GLOBAL_CACHE_HOST);
        cachedAccounts = Set.of(ada, bob);
        List<IAccount> silentAccounts = new ArrayList<>();
        silent = p -> {
            silentAccounts.add(p.account());
            return CompletableFuture.completedFuture(result("silent-token", p.scopes()));
        };

        source(GraphCloud.GLOBAL, FABRIKAM, SignInRequest.Flow.INTERACTIVE_BROWSER).accessToken(Set.of("User.Read"));
        source(GraphCloud.GLOBAL, "Contoso.com", SignInRequest.Flow.INTERACTIVE_BROWSER).accessToken(Set.of("User.Read"));

        assertThat(silentAccounts).containsExactly(bob, ada);
    }

    @Test
    void aGuestAccountIsReusedForATenantItHasSignedInTo() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST, FABRIKAM));

        source(GraphCloud.GLOBAL, FABRIKAM, SignInRequest.Flow.INTERACTIVE_BROWSER).accessToken(Set.of("User.Read"));

        assertThat(calls).containsExactly("getAccounts", "silent");
    }

    @Test
    void anyOrganizationTriesTheCloudsOnlyAccountButNotOneOfAnotherCloud() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST),
                account("ada@contoso.us", CONTOSO, "login.microsoftonline.us"));

        source(GraphCloud.US_GOV, SignInSettings.ANY_ORGANIZATION, SignInRequest.Flow.INTERACTIVE_BROWSER)
                .accessToken(Set.of("User.Read"));

        assertThat(calls).containsExactly("getAccounts", "silent");
    }

    @Test
    void severalAccountsOfTheSameTenantLetTheAdminPick() {
        cachedAccounts = Set.of(account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST),
                account("ben@contoso.com", CONTOSO, GLOBAL_CACHE_HOST));

        source(GraphCloud.GLOBAL, CONTOSO, SignInRequest.Flow.INTERACTIVE_BROWSER).accessToken(Set.of("User.Read"));

        assertThat(calls).containsExactly("getAccounts", "browser");
    }

    @Test
    void afterTheFirstSignInTheAccountIsReusedSilently() {
        MsalTokenSource source = source(GraphCloud.GLOBAL, SignInRequest.Flow.INTERACTIVE_BROWSER);

        source.accessToken(Set.of("User.Read"));
        source.accessToken(Set.of("User.Read"));

        assertThat(calls).containsExactly("getAccounts", "browser", "silent");
    }

    @Test
    void aRefusedSignInBecomesAReadableNotSignedIn() {
        interactive = p -> CompletableFuture.failedFuture(new MsalServiceException(
                "AADSTS65001: The user or administrator has not consented to use the application.", "invalid_grant"));
        MsalTokenSource source = source(GraphCloud.GLOBAL, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThatThrownBy(() -> source.accessToken(Set.of("User.Read")))
                .isInstanceOfSatisfying(TenantException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN);
                    assertThat(e.getMessage()).contains("AADSTS65001").contains("invalid_grant");
                });
    }

    @Test
    void aBlankTokenIsNeverHandedOn() {
        interactive = p -> CompletableFuture.completedFuture(result("", Set.of()));
        MsalTokenSource source = source(GraphCloud.GLOBAL, SignInRequest.Flow.INTERACTIVE_BROWSER);

        assertThatThrownBy(() -> source.accessToken(Set.of("User.Read")))
                .isInstanceOfSatisfying(TenantException.class,
                        e -> assertThat(e.kind()).isEqualTo(TenantException.Kind.NOT_SIGNED_IN));
    }

    @Test
    void grantedScopeNamesDropTheResourcePrefix() {
        assertThat(MsalTokenSource.scopeNames("https://graph.microsoft.us/User.Read.All openid profile"))
                .containsExactly("User.Read.All", "openid", "profile");
    }

    private MsalTokenSource source(GraphCloud cloud, SignInRequest.Flow flow) {
        return source(cloud, SignInSettings.ANY_ORGANIZATION, flow);
    }

    private MsalTokenSource source(GraphCloud cloud, String tenant, SignInRequest.Flow flow) {
        IPublicClientApplication app = (IPublicClientApplication) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{IPublicClientApplication.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAccounts" -> {
                        calls.add("getAccounts");
                        yield CompletableFuture.completedFuture(cachedAccounts);
                    }
                    case "acquireTokenSilently" -> {
                        calls.add("silent");
                        yield silent.apply((SilentParameters) args[0]);
                    }
                    case "acquireToken" -> {
                        calls.add(args[0] instanceof DeviceCodeFlowParameters ? "deviceCode" : "browser");
                        yield interactive.apply(args[0]);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new MsalTokenSource(app, cloud, tenant, flow, prompt, url -> calls.add("open " + url));
    }

    private static IAuthenticationResult result(String token, Set<String> scopes) {
        IAccount account = account("ada@contoso.com", CONTOSO, GLOBAL_CACHE_HOST);
        return new IAuthenticationResult() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public String idToken() {
                return null;
            }

            @Override
            public IAccount account() {
                return account;
            }

            @Override
            public ITenantProfile tenantProfile() {
                return null;
            }

            @Override
            public String environment() {
                return "login.microsoftonline.com";
            }

            @Override
            public String scopes() {
                return String.join(" ", scopes);
            }

            @Override
            public Date expiresOnDate() {
                return new Date(System.currentTimeMillis() + 3_600_000);
            }
        };
    }

    /** An account as MSAL lists it: home account id {@code <object id>.<home tenant id>}, cache environment. */
    private static IAccount account(String username, String homeTenant, String environment, String... guestOf) {
        Map<String, ITenantProfile> profiles = new HashMap<>();
        for (String tenant : guestOf) {
            profiles.put(tenant, null);
        }
        return new IAccount() {
            @Override
            public String homeAccountId() {
                return "00000000-0000-0000-0000-0000000000a1." + homeTenant;
            }

            @Override
            public String environment() {
                return environment;
            }

            @Override
            public String username() {
                return username;
            }

            @Override
            public Map<String, ITenantProfile> getTenantProfiles() {
                return profiles;
            }

            @Override
            public String toString() {
                return username;
            }
        };
    }

    private static DeviceCode deviceCode(String userCode, String uri) {
        String json = "{\"user_code\":\"" + userCode + "\",\"device_code\":\"d\",\"verification_uri\":\"" + uri
                + "\",\"expires_in\":900,\"interval\":5,\"message\":\"To sign in, use a web browser.\"}";
        try (JsonReader reader = JsonProviders.createReader(json)) {
            return DeviceCode.fromJson(reader);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MSAL offers no public way to build this exception; its error response type is package-private. */
    private static MsalInteractionRequiredException interactionRequired() {
        try {
            Class<?> type = Class.forName("com.microsoft.aad.msal4j.ErrorResponse");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object response = constructor.newInstance();
            Method error = type.getDeclaredMethod("error", String.class);
            error.setAccessible(true);
            error.invoke(response, "interaction_required");
            Method description = type.getDeclaredMethod("errorDescription", String.class);
            description.setAccessible(true);
            description.invoke(response, "AADSTS50076: MFA required");
            Constructor<MsalInteractionRequiredException> exception = MsalInteractionRequiredException.class
                    .getConstructor(type, Map.class);
            return exception.newInstance(response, Map.of());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
