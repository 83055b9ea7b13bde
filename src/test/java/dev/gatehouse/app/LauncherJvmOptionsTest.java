package dev.gatehouse.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launchers and the installers start Java with app/jvm.options: G1 with a bounded heap that is collected when
 * idle and shrunk to what is live, so a demo tenant that served 50 clients gives the memory back.
 */
class LauncherJvmOptionsTest {

    private static final Path OPTIONS = Path.of("app", "jvm.options");

    @Test
    void everyLauncherPassesTheOptionsFileBeforeTheUsersOwnOptions() throws Exception {
        assertThat(Files.readString(Path.of("app", "gatehouse")))
                .contains("before=(\"$java_cmd\" \"@$root/app/jvm.options\")")
                .contains("after=(${GATEHOUSE_JAVA_OPTS:-} ");
        assertThat(Files.readString(Path.of("app", "gatehouse.cmd")))
                .contains("\"@%ROOT%\\app\\jvm.options\" %GUI_OPTS% %GATEHOUSE_JAVA_OPTS%")
                .contains("if \"%~1\"==\"\" set GUI_OPTS=\"@%ROOT%\\app\\gui.options\"")
                .contains("if \"%~1\"==\"gui\" set GUI_OPTS=\"@%ROOT%\\app\\gui.options\"");
        assertThat(Files.readString(Path.of("packaging", "build-installer.sh")))
                .contains("for file in jvm.options gui.options; do").contains("done < \"$root/app/$file\"")
                .contains("args+=(--java-options \"$option\")");
    }

    /** The window's JIT (app/gui.options) stops at C1, and an option the user gives after it still wins. */
    @Test
    void theWindowOptionsStopTheJitAtC1UnlessTheUserSaysOtherwise() throws Exception {
        assertThat(flag(printFlags("@" + Path.of("app", "gui.options")), "TieredStopAtLevel")).isEqualTo("1");
        assertThat(flag(printFlags("@" + Path.of("app", "gui.options"), "-XX:TieredStopAtLevel=4"), "TieredStopAtLevel"))
                .isEqualTo("4");
    }

    @Test
    void theOptionsGiveABoundedG1HeapThatIsReturnedWhenIdle() throws Exception {
        String flags = printFlags();
        assertThat(flag(flags, "UseG1GC")).isEqualTo("true");
        assertThat(Long.parseLong(flag(flags, "MaxHeapSize"))).isEqualTo(1L << 30);
        assertThat(Long.parseLong(flag(flags, "G1PeriodicGCInterval"))).isPositive();
        assertThat(Long.parseLong(flag(flags, "MaxHeapFreeRatio"))).isLessThanOrEqualTo(30);
        assertThat(Long.parseLong(flag(flags, "InitialHeapSize"))).isLessThanOrEqualTo(64L << 20);
    }

    /** The flags of a JVM started with app/jvm.options and then {@code more}. */
    private static String printFlags(String... more) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + OPTIONS));
        command.addAll(List.of(more));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(flags).isZero();
        return flags;
    }

    private static String flag(String printed, String name) {
        return printed.lines().map(String::trim).filter(l -> l.matches("\\S+\\s+" + name + "\\s+=.*"))
                .map(l -> l.replaceAll(".*=\\s+(\\S+).*", "$1")).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}
