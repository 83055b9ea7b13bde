package dev.gatehouse.graph.signin;

import com.microsoft.aad.msal4j.AuthenticationErrorCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IPublicClientApplication;
import com.microsoft.aad.msal4j.InteractiveRequestParameters;
import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.OpenBrowserAction;
import com.microsoft.aad.msal4j.Prompt;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.aad.msal4j.SystemBrowserOptions;
import dev.gatehouse.domain.tenant.SignInPrompt;
import dev.gatehouse.domain.tenant.SignInRequest;
import dev.gatehouse.domain.tenant.TenantException;
import dev.gatehouse.domain.tenant.TenantException.Kind;
import dev.gatehouse.graph.GraphCloud;
import dev.gatehouse.graph.TokenSource;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Tokens for a real tenant from MSAL4J (public client). Each request first tries the cache (silent, refreshing
 * with the refresh token when needed); when the cache cannot serve it (MSAL's {@code cache_miss}: no token for
 * these scopes and no refresh token) or Entra requires interaction (new scopes to consent, a Conditional Access
 * step-up) it signs in with the configured flow: the system browser with a loopback redirect, or a device code
 * shown through {@link SignInPrompt}.
 */
public final class MsalTokenSource implements TokenSource {

    /** MSAL picks a free port and rewrites the redirect to http://localhost:{port}; Entra accepts any port. */
    static final URI LOOPBACK_REDIRECT = URI.create("http://localhost");
    /** MSAL cannot tell when the user closes the browser, so an abandoned sign-in ends after this long. */
    static final int BROWSER_TIMEOUT_SECONDS = 300;

    private final IPublicClientApplication app;
    private final GraphCloud cloud;
    private final String tenant;
    private final SignInRequest.Flow flow;
    private final SignInPrompt prompt;
    private final OpenBrowserAction browser;
    private IAccount account;
    private volatile Set<String> granted;

    /** @param tenant as in {@link SignInSettings#tenant()}: a tenant id, a verified domain or "organizations" */
    MsalTokenSource(IPublicClientApplication app, GraphCloud cloud, String tenant, SignInRequest.Flow flow,
                    SignInPrompt prompt, OpenBrowserAction browser) {
        this.app = app;
        this.cloud = cloud;
        this.tenant = tenant;
        this.flow = flow;
        this.prompt = prompt;
        this.browser = browser;
    }

    /** Opens the OS-protected token cache and builds the MSAL application; no network access happens here. */
    public static MsalTokenSource create(SignInSettings settings, SignInPrompt prompt) {
        TokenCacheStore cache = TokenCacheStore.open(settings.tokenCacheDirectory(), settings.allowUnprotectedTokenCache());
        return new MsalTokenSource(application(settings, cache), settings.cloud(), settings.tenant(), settings.flow(),
                prompt, new SystemBrowser());
    }

    static PublicClientApplication application(SignInSettings settings, TokenCacheStore cache) {
        try {
            PublicClientApplication.Builder builder = PublicClientApplication.builder(settings.clientId())
                    .authority(settings.authority())
                    .applicationName("Gatehouse")
                    // msal4j's default, stated: user names and token hashes never reach its logs
                    .logPii(false);
            if (cache != null) {
                builder.setTokenCacheAccessAspect(cache.aspect());
            }
            return builder.build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use tenant '" + settings.tenant() + "' in the "
                    + settings.cloud().label() + " cloud: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String accessToken(Set<String> scopes) {
        Set<String> qualified = cloud.qualify(scopes);
        IAuthenticationResult result = silent(qualified).orElseGet(() -> interactive(qualified));
        if (result.accessToken() == null || result.accessToken().isBlank()) {
            throw new TenantException(Kind.NOT_SIGNED_IN, "Sign-in finished without an access token. Sign in again.");
        }
        account = result.account();
        granted = scopeNames(result.scopes());
        return result.accessToken();
    }

    @Override
    public Optional<Set<String>> grantedScopes() {
        return Optional.ofNullable(granted);
    }

    private Optional<IAuthenticationResult> silent(Set<String> scopes) {
        if (account == null) {
            account = cachedAccount();
        }
        if (account == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(await(app.acquireTokenSilently(SilentParameters.builder(scopes, account).build())));
        } catch (MsalException e) {
            if (needsInteraction(e)) {
                return Optional.empty();
            }
            throw signInFailure(e);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cached account to try silently: the only one of this cloud that belongs to the requested tenant; none
     * (so the admin signs in, picking an account) when there is no such account or several. The token cache file
     * is shared by every client id, tenant and cloud Gatehouse has signed in to, and MSAL lists all its accounts.
     */
    private IAccount cachedAccount() {
        List<IAccount> candidates = await(app.getAccounts()).stream()
                .filter(a -> cloud.signsInAt(a.environment()) && belongsTo(a, tenant))
                .toList();
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    /**
     * Whether {@code account} may stand for a sign-in to {@code tenant}. For a tenant id: the account's home tenant
     * (the part after the dot of its home account id, {@code <object id>.<tenant id>}) or a tenant it has already
     * signed in to with this app (its tenant profiles). For a verified domain, which belongs to exactly one tenant:
     * a user name in that domain. "organizations" lets any account of the cloud be tried.
     */
    static boolean belongsTo(IAccount account, String tenant) {
        if (SignInSettings.ANY_ORGANIZATION.equalsIgnoreCase(tenant)) {
            return true;
        }
        if (SignInRequest.isGuid(tenant)) {
            String home = account.homeAccountId();
            Map<String, ?> profiles = account.getTenantProfiles();
            return (home != null && tenant.equalsIgnoreCase(home.substring(home.lastIndexOf('.') + 1)))
                    || (profiles != null && profiles.keySet().stream().anyMatch(tenant::equalsIgnoreCase));
        }
        String username = account.username();
        return username != null && username.toLowerCase(Locale.ROOT).endsWith("@" + tenant.toLowerCase(Locale.ROOT));
    }

    /**
     * The silent failures an interactive sign-in resolves. msal4j 1.26 reports "no usable token and no refresh
     * token" as a client exception with {@code cache_miss}, not as {@link MsalInteractionRequiredException}.
     */
    static boolean needsInteraction(Throwable failure) {
        return failure instanceof MsalInteractionRequiredException
                || (failure instanceof MsalClientException client
                && AuthenticationErrorCode.CACHE_MISS.equals(client.errorCode()));
    }

    private IAuthenticationResult interactive(Set<String> scopes) {
        CompletableFuture<IAuthenticationResult> signIn = flow == SignInRequest.Flow.DEVICE_CODE
                ? app.acquireToken(DeviceCodeFlowParameters.builder(scopes,
                        code -> prompt.showDeviceCode(code.userCode(), code.verificationUri(), code.message())).build())
                : app.acquireToken(browserParameters(scopes));
        try {
            return await(signIn);
        } catch (MsalException unresolved) {
            // the interactive sign-in itself asked for interaction: there is nothing further to fall back to
            throw signInFailure(new MsalException(unresolved.getMessage(), unresolved.errorCode()));
        }
    }

    private InteractiveRequestParameters browserParameters(Set<String> scopes) {
        InteractiveRequestParameters.InteractiveRequestParametersBuilder parameters = InteractiveRequestParameters
                .builder(LOOPBACK_REDIRECT)
                .scopes(scopes)
                .httpPollingTimeoutInSeconds(BROWSER_TIMEOUT_SECONDS)
                .systemBrowserOptions(SystemBrowserOptions.builder()
                        .openBrowserAction(url -> {
                            browser.openBrowser(url);
                            prompt.browserOpened();
                        })
                        .htmlMessageSuccess("Signed in. You can close this tab and return to Gatehouse.")
                        .htmlMessageError("Sign-in failed. Return to Gatehouse for details.")
                        .build());
        if (account == null) {
            parameters.prompt(Prompt.SELECT_ACCOUNT);
        } else {
            parameters.loginHint(account.username());
        }
        return parameters.build();
    }

    /**
     * Waits interruptibly; MSAL failures become admin-readable sign-in errors (never containing tokens), except
     * those an interactive sign-in resolves, which stay MSAL's own for {@link #silent} to recognise.
     */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TenantException(Kind.CANCELLED, "Sign-in was cancelled.");
        } catch (ExecutionException e) {
            throw signInFailure(e.getCause());
        }
    }

    static RuntimeException signInFailure(Throwable cause) {
        if (needsInteraction(cause)) {
            return (MsalException) cause;
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof TenantException tenantException) {
                return tenantException;
            }
        }
        if (cause instanceof MsalServiceException service) {
            return new TenantException(Kind.NOT_SIGNED_IN, "Microsoft Entra refused the sign-in: " + service.getMessage()
                    + " (" + service.errorCode() + ")", service.statusCode() == null ? 0 : service.statusCode(),
                    service.errorCode(), service.correlationId(), service);
        }
        if (cause instanceof MsalException msal) {
            return new TenantException(Kind.NOT_SIGNED_IN, "Sign-in did not complete: " + msal.getMessage()
                    + (msal.errorCode() == null ? "" : " (" + msal.errorCode() + ")"), 0, msal.errorCode(), null, msal);
        }
        return new TenantException(Kind.NOT_SIGNED_IN, "Sign-in failed: " + cause, 0, null, null, cause);
    }

    /** "https://graph.microsoft.us/User.Read.All openid" → {User.Read.All, openid}. */
    static Set<String> scopeNames(String scopes) {
        if (scopes == null) {
            return Set.of();
        }
        return Arrays.stream(scopes.split(" ")).filter(s -> !s.isBlank())
                .map(s -> s.substring(s.lastIndexOf('/') + 1))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
