package dev.gatehouse.domain.breakglass;

/**
 * What the admin chose to leave in place at the clean-up (step 8), saved in the run's answers under {@link #ANSWER}.
 * By default everything Microsoft advises against goes: the clean-up is the point of the step, and keeping something
 * is a deliberate exception the health view goes on showing.
 *
 * @param keepOtherMethods leave phone, Microsoft Authenticator, software OATH and email methods in place
 * @param keepLicences     leave the accounts' licences assigned
 */
public record CleanUpChoices(boolean keepOtherMethods, boolean keepLicences) {

    public static final String ANSWER = "breakglassCleanUp";
    public static final CleanUpChoices CLEAN = new CleanUpChoices(false, false);
}
