package dev.gatehouse.domain.tenant;

/** Talks to the admin during sign-in. Called on a worker thread. */
public interface SignInPrompt {

    /** Device-code flow: the admin opens {@code verificationUri} on any device and enters {@code userCode}. */
    void showDeviceCode(String userCode, String verificationUri, String message);

    /** Interactive flow: the system browser has been opened at the sign-in page. */
    void browserOpened();

    SignInPrompt SILENT = new SignInPrompt() {
        @Override
        public void showDeviceCode(String userCode, String verificationUri, String message) {
        }

        @Override
        public void browserOpened() {
        }
    };
}
