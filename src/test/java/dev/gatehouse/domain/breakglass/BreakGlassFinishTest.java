package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.domain.tenant.LicenceAssignment;
import dev.gatehouse.domain.tenant.UserDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.gatehouse.domain.breakglass.BreakGlassTenant.DOMAIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps 7 and 8 over HTTP against the demo tenant: the register stage waits for the key the gaps scenario lacks, the
 * trainer plays the user (signs in with the pass the tap stage issued and registers a passkey), the key watch sees it
 * arrive, and the clean-up removes the passes, the personal phone and the licence — then changes nothing.
 */
class BreakGlassFinishTest {

    private static final String BG1 = "bg-admin-01@" + DOMAIN;
    private static final String BG2 = "bg-admin-02@" + DOMAIN;
    private static final String YUBIKEY_5C = "ee882879-721c-4913-9775-3dfcce97072a";
    private static final List<String> SETUP = List.of(BreakGlassSetup.PLAN, BreakGlassSetup.ACCOUNTS,
            BreakGlassSetup.GROUP, BreakGlassSetup.ROLE, BreakGlassSetup.METHODS_POLICY, BreakGlassSetup.TAP);

    @TempDir
    Path data;

    private static Answers defaults() {
        return Answers.none().with(SetupChoices.ANSWER, SetupChoices.of(2, "acct-test", DOMAIN));
    }

    /** The gaps scenario through steps 1-6; the pass issued to 01 (the only account without a key). */
    private static Secret setUp(BreakGlassTenant tenant, Answers answers) {
        SETUP.forEach(stage -> tenant.step(stage, answers));
        assertThat(tenant.shown).as("one pass, for 01").hasSize(1);
        return tenant.shown.get(0);
    }

    /** The trainer, as the account's holder: signs in with the pass and registers a key within its session. */
    private static void registerKey(BreakGlassTenant tenant, String upn, Secret pass) throws Exception {
        var demo = tenant.demo();
        assertThat(demo.signInWithTemporaryAccessPass(upn, pass.reveal()).path("outcome").asText())
                .isEqualTo("signedIn");
        assertThat(demo.registerPasskey(upn, "YubiKey 5C NFC", YUBIKEY_5C).path("outcome").asText())
                .isEqualTo("registered");
    }

    private static List<MethodType> types(UserDetail account) {
        return account.methods().stream().map(AuthMethod::type).toList();
    }

    @Test
    void registerWaitsForTheMissingKeyThenTheCleanUpRemovesPassesPhoneAndLicenceOnce() throws Exception {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            Secret pass = setUp(tenant, defaults());

            BreakGlassSetupProposal waiting = tenant.propose(BreakGlassSetup.REGISTER, defaults());

            assertThat(waiting.alreadyDone()).isFalse();
            assertThat(waiting.plan()).isEmpty();
            assertThat(waiting.message()).startsWith("Waiting for keys").contains(BG1).doesNotContain(BG2)
                    .contains("holds a usable pass").contains("https://aka.ms/mysecurityinfo").contains("ONE key")
                    .contains("10-minute window");
            BreakGlassSetupProposal early = tenant.propose(BreakGlassSetup.CLEAN_UP, defaults());
            assertThat(early.plan().orElseThrow().steps()).extracting(Step::title).as("02 only")
                    .allSatisfy(title -> assertThat(title).contains(BG2));
            assertThat(early.warnings()).anySatisfy(w -> assertThat(w).contains(BG1).contains("its pass is kept"));

            registerKey(tenant, BG1, pass);
            BreakGlassSetupProposal registered = tenant.step(BreakGlassSetup.REGISTER, defaults());

            assertThat(registered.alreadyDone()).as(registered.message()).isTrue();
            assertThat(registered.message()).contains("YubiKey 5C NFC").contains(YUBIKEY_5C)
                    .contains("YubiKey 5 NFC").contains("registered");
            assertThat(registered.warnings()).as("different models, a year apart").isEmpty();

            BreakGlassSetupProposal cleanUp = tenant.propose(BreakGlassSetup.CLEAN_UP, defaults());
            List<Step> steps = cleanUp.plan().orElseThrow().steps();
            assertThat(steps).extracting(Step::title).containsExactlyInAnyOrder(
                    "Delete Emergency Access 01 (" + BG1 + ")'s Temporary Access Pass",
                    "Delete Emergency Access 02 (" + BG2 + ")'s Temporary Access Pass",
                    "Delete Emergency Access 02 (" + BG2 + ")'s Phone: +61 491579212 (mobile)",
                    "Remove Emergency Access 02 (" + BG2 + ")'s licence");
            assertThat(steps).allSatisfy(step -> assertThat(step.access().roles())
                    .contains("Global Administrator"));
            assertThat(steps).filteredOn(s -> s.title().contains("Phone")).singleElement().satisfies(step -> {
                assertThat(step.requests().get(0).method()).isEqualTo("DELETE");
                assertThat(step.requests().get(0).path()).contains("/authentication/phoneMethods/");
                assertThat(step.access().roles()).contains("Privileged Authentication Administrator");
                assertThat(step.effect()).contains("keeps its FIDO2 key").contains("tied to a person");
            });
            assertThat(steps).filteredOn(s -> s.title().contains("licence")).singleElement().satisfies(step -> {
                assertThat(step.requests().get(0).path()).endsWith("/assignLicense");
                assertThat(step.requests().get(0).body()).contains("\"removeLicenses\":[\"");
                assertThat(step.access().roles()).contains("License Administrator", "User Administrator");
                assertThat(step.effect()).contains("needs none").contains("mailbox");
            });
            tenant.step(BreakGlassSetup.CLEAN_UP, defaults());

            UserDetail one = tenant.user(BG1).orElseThrow();
            UserDetail two = tenant.user(BG2).orElseThrow();
            assertThat(types(one)).containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.FIDO2);
            assertThat(types(two)).containsExactlyInAnyOrder(MethodType.PASSWORD, MethodType.FIDO2);
            assertThat(tenant.directory().licenceAssignments(two.profile().id())).isEmpty();
            tenant.step(BreakGlassSetup.EXCLUSIONS, defaults());
            assertThat(tenant.desk.unfinished(tenant.procedure, tenant.subject)).as("the run is over").isEmpty();

            long writes = tenant.writes();
            BreakGlassSetupProposal again = tenant.propose(BreakGlassSetup.CLEAN_UP, defaults());
            assertThat(again.alreadyDone()).as(again.message()).isTrue();
            assertThat(again.message()).startsWith("Clean:");
            assertThat(tenant.propose(BreakGlassSetup.REGISTER, defaults()).alreadyDone()).isTrue();
            assertThat(tenant.writes()).isEqualTo(writes);
        }
    }

    @Test
    void aLicenceFromAGroupGetsNoStepButANoteAndKeepsTheCleanUpFromBeingDone() throws Exception {
        try (BreakGlassTenant tenant = new BreakGlassTenant(GroupLicensing.scenario(data), data).choosingGroup()) {
            Secret pass = setUp(tenant, defaults());
            registerKey(tenant, BG1, pass);
            tenant.step(BreakGlassSetup.REGISTER, defaults());

            BreakGlassSetupProposal cleanUp = tenant.propose(BreakGlassSetup.CLEAN_UP, defaults());

            assertThat(cleanUp.plan().orElseThrow().steps()).filteredOn(s -> s.id().startsWith(
                    CleanUpSteps.LICENCES_PREFIX)).as("02's direct licence only").singleElement().satisfies(step -> {
                        assertThat(step.title()).contains(BG2);
                        assertThat(step.requests().get(0).body()).contains(GroupLicensing.SPB);
                        assertThat(step.effect()).contains("assigned directly");
                    });
            for (String account : List.of(BG1, BG2)) {
                assertThat(cleanUp.warnings()).anySatisfy(w -> assertThat(w).contains(account)
                        .contains("inherited from the group Licensed staff").contains("remove the account from "
                                + "Licensed staff").contains("Gatehouse cannot remove"));
            }
            tenant.step(BreakGlassSetup.CLEAN_UP, defaults());

            UserDetail two = tenant.user(BG2).orElseThrow();
            assertThat(tenant.directory().licenceAssignments(two.profile().id()))
                    .extracting(LicenceAssignment::isDirect).as("the group's licence stays").containsExactly(false);
            long writes = tenant.writes();
            BreakGlassSetupProposal again = tenant.propose(BreakGlassSetup.CLEAN_UP, defaults());
            assertThat(again.alreadyDone()).as(again.message()).isFalse();
            assertThat(again.plan()).isEmpty();
            assertThat(again.message()).startsWith("Not clean yet").contains("Licensed staff").contains(BG1)
                    .contains(BG2);
            assertThat(tenant.writes()).isEqualTo(writes);
        }
    }

    @Test
    void whatTheAdminKeepsStaysAndIsNamedInAWarning() throws Exception {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            Answers keeping = defaults().with(CleanUpChoices.ANSWER, new CleanUpChoices(true, true));
            Secret pass = setUp(tenant, keeping);
            registerKey(tenant, BG1, pass);
            tenant.step(BreakGlassSetup.REGISTER, keeping);

            BreakGlassSetupProposal cleanUp = tenant.step(BreakGlassSetup.CLEAN_UP, keeping);

            assertThat(cleanUp.plan().orElseThrow().steps()).as("the passes only")
                    .allSatisfy(step -> assertThat(step.id()).startsWith(CleanUpSteps.PASS_PREFIX)).hasSize(2);
            BreakGlassSetupProposal after = tenant.propose(BreakGlassSetup.CLEAN_UP, keeping);
            assertThat(after.alreadyDone()).isTrue();
            assertThat(after.warnings()).anySatisfy(w -> assertThat(w).contains(BG2).contains("Phone")
                    .contains("as you chose").contains("health view"));
            assertThat(after.warnings()).anySatisfy(w -> assertThat(w).contains(BG2).contains("licence")
                    .contains("health view"));
            assertThat(types(tenant.user(BG2).orElseThrow())).contains(MethodType.PHONE)
                    .doesNotContain(MethodType.TEMPORARY_ACCESS_PASS);
        }
    }

    @Test
    void theKeyWatchSeesAKeyTheUserRegistersWhileItWaits() throws Exception {
        try (BreakGlassTenant tenant = new BreakGlassTenant("breakglass-gaps", data).choosingGroup()) {
            Secret pass = setUp(tenant, defaults());
            BreakGlassSetupRead read = tenant.read(defaults());
            List<KeyWatch.Account> waiting = KeyWatch.withoutKey(AccountRoster.of(read,
                    defaults().get(SetupChoices.ANSWER, SetupChoices.class).orElseThrow()),
                    read.keyRestrictions().orElseThrow());
            assertThat(waiting).extracting(KeyWatch.Account::label).singleElement()
                    .satisfies(label -> assertThat(label).contains(BG1));
            List<KeyArrival> heard = new ArrayList<>();

            CompletableFuture<Void> user = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1_000); // the admin walks to the second machine
                    registerKey(tenant, BG1, pass);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            KeyWatch.Outcome outcome = new KeyWatch(tenant.directory()::fido2Methods, KeyWatch.Time.system())
                    .watch(waiting, Duration.ofSeconds(30), () -> false, heard::add);
            user.get(5, TimeUnit.SECONDS);

            assertThat(outcome.end()).isEqualTo(KeyWatch.Outcome.End.ALL_ARRIVED);
            assertThat(heard).singleElement().satisfies(key -> {
                assertThat(key.account()).contains(BG1);
                assertThat(key.model()).isEqualTo("YubiKey 5C NFC");
                assertThat(key.aaGuid()).isEqualTo(YUBIKEY_5C);
                assertThat(key.key().created()).isNotNull();
            });
        }
    }
}
