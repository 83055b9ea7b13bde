package dev.gatehouse.domain.breakglass;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakGlassRecordPdfTest {

    @TempDir
    Path folder;

    @Test
    void fourAccountsWithLongNamesFitOneA4PageAsSearchableText() throws Exception {
        BreakGlassRecord record = BreakGlassRecordFixtures.fourLong();

        byte[] pdf = BreakGlassRecordPdf.render(record);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            Path out = Files.createDirectories(Paths.get("target", "breakglass-record"));
            Files.write(out.resolve("four-accounts.pdf"), pdf);
            Files.writeString(out.resolve("four-accounts.html"), BreakGlassRecordHtml.render(record));
            // looked at by eye: target/breakglass-record/four-accounts.png
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 110), "png",
                        out.resolve("four-accounts" + (page == 0 ? "" : "-page-" + (page + 1)) + ".png").toFile());
            }
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(size.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (BreakGlassRecord.Account account : record.accounts()) {
                assertThat(text).contains(account.userPrincipalName()).contains(account.id())
                        .contains(account.notes().keyPlace().replaceAll("\\s+", ""));
            }
            assertThat(text).contains("Nopassword,passorkeyPINisonthispage.")
                    .contains("EmergencyAccessAccounts").contains("MS.AAD.7.4v1");
            assertThat(document.getDocumentInformation().getTitle()).contains("Contoso Ltd");
        }
    }

    @Test
    void twoAccountsWithoutNotesLeaveLinesToWriteOn() throws Exception {
        BreakGlassRecord record = BreakGlassRecord.of(BreakGlassRecordFixtures.TENANT, BreakGlassRecordFixtures.read(
                List.of(BreakGlassRecordFixtures.account(BreakGlassRecordFixtures.id(1), "Emergency Access 01",
                                "ea01@" + BreakGlassRecordFixtures.DOMAIN, List.of(BreakGlassRecordFixtures.key("k1",
                                        "YubiKey 5 NFC", "cb69481e-8ff7-4039-93ec-0a2729a154a8",
                                        "2026-11-03T09:00:00Z"))),
                        BreakGlassRecordFixtures.account(BreakGlassRecordFixtures.id(2), "Emergency Access 02",
                                "ea02@" + BreakGlassRecordFixtures.DOMAIN, List.of())), Optional.empty()),
                RecordNotes.none().withPasswordInTwoParts(true), "admin@" + BreakGlassRecordFixtures.DOMAIN);

        try (PDDocument document = Loader.loadPDF(BreakGlassRecordPdf.render(record))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("write by hand").contains("None registered");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path out = Files.createDirectories(Paths.get("target", "breakglass-record"));
            ImageIO.write(image, "png", out.resolve("two-accounts-blank.png").toFile());
        }
    }

    @Test
    void aFileIsWrittenWholeAndNeverOverAnExistingOne() throws Exception {
        BreakGlassRecord record = BreakGlassRecordFixtures.fourLong();
        Path pdf = folder.resolve("record.pdf");
        Path html = folder.resolve("record.html");

        BreakGlassRecordFiles.write(pdf, record, BreakGlassRecordFiles.Format.PDF);
        BreakGlassRecordFiles.write(html, record, BreakGlassRecordFiles.Format.HTML);

        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes());
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        Files.writeString(html, "the one in the safe");
        assertThatThrownBy(() -> BreakGlassRecordFiles.write(html, record, BreakGlassRecordFiles.Format.HTML))
                .isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining("exists already")
                .hasMessageContaining("choose another name");
        assertThat(Files.readString(html)).isEqualTo("the one in the safe");
        assertThat(Files.list(folder)).as("no temporary file left").hasSize(2);
        assertThatThrownBy(() -> BreakGlassRecordFiles.write(folder.resolve("no/such/record.pdf"), record,
                BreakGlassRecordFiles.Format.PDF)).hasMessageContaining("does not exist");
    }

    @Test
    void theFormatFollowsTheExtension() {
        assertThat(BreakGlassRecordFiles.Format.ofFileName(Path.of("a/Record.PDF"))).contains(
                BreakGlassRecordFiles.Format.PDF);
        assertThat(BreakGlassRecordFiles.Format.ofFileName(Path.of("record.htm"))).contains(
                BreakGlassRecordFiles.Format.HTML);
        assertThat(BreakGlassRecordFiles.Format.ofFileName(Path.of("record.txt"))).isEmpty();
        assertThat(BreakGlassRecordFiles.suggestedName(BreakGlassRecordFixtures.fourLong(),
                BreakGlassRecordFiles.Format.PDF)).isEqualTo("breakglass-record-contoso.onmicrosoft.com-2026-12-06.pdf");
    }
}
