package dev.gatehouse.ui.plan;

import dev.gatehouse.domain.plan.GraphRequest;
import dev.gatehouse.domain.secret.Secret;
import dev.gatehouse.ui.common.SynchronousTaskRunner;
import dev.gatehouse.ui.fake.FakeClipboard;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SecretViewModelTest {

    private final SynchronousTaskRunner runner = new SynchronousTaskRunner();
    private final FakeClipboard clipboard = new FakeClipboard();
    private final Secret password = Secret.of("Temporary password", "Qw3rty!Zx9");
    private final SecretViewModel viewModel = new SecretViewModel(password, "Must be changed at next sign-in.",
            clipboard, runner);

    @Test
    void theSecretIsHiddenUntilRevealed() {
        assertThat(viewModel.firstPartProperty().get()).isEqualTo(GraphRequest.SECRET_MASK);

        viewModel.revealedProperty().set(true);

        assertThat(viewModel.firstPartProperty().get()).isEqualTo("Qw3rty!Zx9");
        assertThat(viewModel.secondPartProperty().get()).isEmpty();
    }

    @Test
    void splitShowsTwoPartsThatTogetherAreTheSecretAndCopiesEachAlone() {
        viewModel.splitProperty().set(true);
        assertThat(viewModel.secondPartProperty().get()).isEqualTo(GraphRequest.SECRET_MASK);

        viewModel.revealedProperty().set(true);
        assertThat(viewModel.firstPartProperty().get() + viewModel.secondPartProperty().get()).isEqualTo("Qw3rty!Zx9");
        assertThat(viewModel.firstPartProperty().get()).isEqualTo("Qw3rt");

        viewModel.copy(2);
        assertThat(clipboard.text()).contains("y!Zx9");
        assertThat(viewModel.clipboardStatusProperty().get()).startsWith("Part 2 copied.");
    }

    @Test
    void theClipboardIsClearedSixtySecondsAfterCopyingWhenItStillHoldsTheSecret() {
        viewModel.copy(1);
        assertThat(clipboard.text()).contains("Qw3rty!Zx9");

        runner.advance(Duration.ofSeconds(59));
        assertThat(clipboard.text()).contains("Qw3rty!Zx9");

        runner.advance(Duration.ofSeconds(1));
        assertThat(clipboard.text()).isEmpty();
        assertThat(viewModel.clipboardStatusProperty().get()).isEqualTo("The clipboard was cleared.");
    }

    @Test
    void somethingElseCopiedMeanwhileIsLeftAlone() {
        viewModel.copy(1);
        clipboard.putText("meeting notes");

        runner.advance(SecretViewModel.CLIPBOARD_LIFETIME);

        assertThat(clipboard.text()).contains("meeting notes");
    }

    @Test
    void copyingAgainRestartsTheSixtySeconds() {
        viewModel.copy(1);
        runner.advance(Duration.ofSeconds(40));
        viewModel.copy(1);

        runner.advance(Duration.ofSeconds(40));
        assertThat(clipboard.text()).contains("Qw3rty!Zx9");
        runner.advance(Duration.ofSeconds(20));
        assertThat(clipboard.text()).isEmpty();
    }

    @Test
    void closingWipesTheSecretButStillClearsTheClipboardWhenItsTimeIsUp() {
        viewModel.revealedProperty().set(true);
        viewModel.copy(1);

        viewModel.close();

        assertThat(password.isWiped()).isTrue();
        assertThat(viewModel.firstPartProperty().get()).isEqualTo(GraphRequest.SECRET_MASK);
        assertThat(viewModel.revealedProperty().get()).isFalse();
        runner.advance(SecretViewModel.CLIPBOARD_LIFETIME);
        assertThat(clipboard.text()).isEmpty();
    }

    @Test
    void nothingCanBeCopiedOrRevealedAfterClosing() {
        viewModel.close();

        viewModel.copy(1);
        viewModel.revealedProperty().set(true);

        assertThat(clipboard.text()).isEmpty();
        assertThat(viewModel.firstPartProperty().get()).isEqualTo(GraphRequest.SECRET_MASK);
    }
}
