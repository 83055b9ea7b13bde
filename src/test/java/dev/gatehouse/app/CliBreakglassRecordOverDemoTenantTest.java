package dev.gatehouse.app;

import dev.gatehouse.app.CliOverSim.Result;
import dev.gatehouse.cli.ExitCodes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/** `gatehouse breakglass record` over the demo tenant: both formats, the notes, and no file overwritten. */
class CliBreakglassRecordOverDemoTenantTest {

    private static final String GROUP = "Emergency Access Accounts";

    @TempDir
    Path data;

    @TempDir
    Path folder;

    @Test
    void writesTheRecordAsPdfAndAsHtmlWithTheNotesTyped() throws Exception {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Result status = cli.run("breakglass", "status", "--breakglass-group", GROUP, "--json");
            String upn = status.out().replaceAll("(?s).*?\"userPrincipalName\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            Path pdf = folder.resolve("record.pdf");
            Path html = folder.resolve("record.html");

            Result wrotePdf = cli.run("breakglass", "record", "--breakglass-group", GROUP, "--out", pdf.toString(),
                    "--key-label", upn + "=Key A (red tag)", "--key-place", upn + "=Safe, server room 2");
            Result wroteHtml = cli.run("breakglass", "record", "--breakglass-group", GROUP, "--out", html.toString(),
                    "--key-label", upn.toUpperCase() + "=Key <A>", "--two-part-password");

            assertThat(wrotePdf.code()).as(wrotePdf.err()).isEqualTo(ExitCodes.OK);
            assertThat(wrotePdf.text()).contains("Wrote the emergency-access record (PDF")
                    .contains("No password, pass or key PIN is in it");
            assertThat(wroteHtml.code()).as(wroteHtml.err()).isEqualTo(ExitCodes.OK);
            assertThat(wrotePdf.err() + wroteHtml.err()).as("no library chatter").isEmpty();
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(upn).contains("Key A (red tag)").contains("Safe, server room 2")
                        .contains("No password, pass or key PIN is on this page.");
                Path shots = Files.createDirectories(Paths.get("target", "breakglass-record"));
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
                        shots.resolve("cli-baseline.png").toFile());
            }
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains(upn)
                    .contains("Key &lt;A&gt;").contains("Password parts kept at").contains("EmergencyAccessAccounts");
        }
    }

    @Test
    void anExistingFileOrAnUnknownAccountOrFormatIsAUsageErrorAndNothingIsWritten() throws Exception {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Path existing = Files.writeString(folder.resolve("record.pdf"), "the one in the safe");

            Result again = cli.run("breakglass", "record", "--breakglass-group", GROUP, "--out", existing.toString());
            Result stranger = cli.run("breakglass", "record", "--breakglass-group", GROUP, "--out",
                    folder.resolve("new.pdf").toString(), "--key-label", "nobody@example.com=Key A");
            Result noFormat = cli.run("breakglass", "record", "--breakglass-group", GROUP, "--out",
                    folder.resolve("record.txt").toString());

            assertThat(again.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(again.errText()).contains("exists already").contains("Choose another name with --out");
            assertThat(Files.readString(existing)).isEqualTo("the one in the safe");
            assertThat(stranger.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(stranger.errText()).contains("nobody@example.com, which is not one of the emergency-access "
                    + "accounts");
            assertThat(noFormat.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(noFormat.errText()).contains("--format pdf|html");
            try (var files = Files.list(folder)) {
                assertThat(files).containsExactly(existing);
            }
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsAFailureNotAUsageError() {
        try (CliOverSim cli = new CliOverSim("baseline", data)) {
            Path nowhere = folder.resolve("no such folder").resolve("record.html");

            Result refused = cli.run("breakglass", "record", "--breakglass-group", GROUP, "--out", nowhere.toString());

            assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.errText()).contains("Could not write " + nowhere).contains("does not exist")
                    .doesNotContain("unexpected");
            assertThat(nowhere.getParent()).doesNotExist();
        }
    }
}
