package dev.gatehouse.domain.policy;

/**
 * The tenant's Temporary Access Pass limits ({@code temporaryAccessPassAuthenticationMethodConfiguration}).
 *
 * @param usableOnceOnly true when the tenant forces every pass to be one-time ({@code isUsableOnce})
 */
public record TapSettings(int defaultLifetimeMinutes, int minimumLifetimeMinutes, int maximumLifetimeMinutes,
                          boolean usableOnceOnly, int defaultLength) {

    public boolean allowsLifetime(int minutes) {
        return minutes >= minimumLifetimeMinutes && minutes <= maximumLifetimeMinutes;
    }
}
