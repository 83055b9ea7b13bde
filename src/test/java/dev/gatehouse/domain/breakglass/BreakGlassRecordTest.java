package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.secret.Secret;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.DOMAIN;
import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.GROUP;
import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.TENANT;
import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.account;
import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.id;
import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.key;
import static dev.gatehouse.domain.breakglass.BreakGlassRecordFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakGlassRecordTest {

    private static BreakGlassRecord two(RecordNotes notes, Optional<LocalDate> drill) {
        return BreakGlassRecord.of(TENANT, read(List.of(
                account(id(1), "Emergency Access 01", "ea01@" + DOMAIN, List.of(
                        key("k2", "Feitian ePass", "833b721a-ff5f-4d00-bb2e-bdda3ec01e29", "2026-11-20T09:00:00Z"),
                        key("k1", "YubiKey 5 NFC", "cb69481e-8ff7-4039-93ec-0a2729a154a8", "2026-11-03T09:00:00Z"))),
                account(id(2), "Emergency Access 02", "ea02@" + DOMAIN, List.of())), drill), notes,
                "admin@" + DOMAIN);
    }

    @Test
    void theRecordCarriesTheAccountsTheirKeysTheNotesAndTheDrill() {
        RecordNotes notes = RecordNotes.none().with(id(1).toUpperCase(), new RecordNotes.AccountNotes("Key A",
                "Safe 1", "", ""));
        BreakGlassRecord record = two(notes, Optional.of(LocalDate.of(2026, 11, 1)));

        assertThat(record.tenant()).isEqualTo(new BreakGlassRecord.Tenant("Contoso Ltd", DOMAIN, TENANT.id()));
        assertThat(record.group()).contains(new BreakGlassRecord.Group("Emergency Access Accounts", GROUP));
        assertThat(record.accounts()).extracting(BreakGlassRecord.Account::userPrincipalName)
                .containsExactly("ea01@" + DOMAIN, "ea02@" + DOMAIN);
        BreakGlassRecord.Account first = record.accounts().get(0);
        assertThat(first.keys()).as("oldest first").extracting(BreakGlassRecord.Key::model)
                .containsExactly("YubiKey 5 NFC", "Feitian ePass");
        assertThat(first.keys().get(0).aaGuid()).isEqualTo("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        assertThat(first.keys().get(0).registered()).contains(LocalDate.of(2026, 11, 3));
        assertThat(first.notes().keyLabel()).as("ids match without case").isEqualTo("Key A");
        assertThat(record.accounts().get(1).notes()).isEqualTo(RecordNotes.AccountNotes.BLANK);
        assertThat(record.lastDrill()).contains(LocalDate.of(2026, 11, 1));
        assertThat(record.nextDrill()).isEqualTo(LocalDate.of(2027, 1, 30));
        assertThat(record.made()).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(record.madeBy()).isEqualTo("admin@" + DOMAIN);
        assertThat(record.checkers().present()).isTrue();
        assertThat(record.checkers().maester()).contains(id(1)).contains(GROUP);
        assertThat(record.checkers().scubaGear()).contains("MS.AAD.7.4v1");
        assertThat(record.checkers().maesterWhere()).isEqualTo(CheckerConfig.maesterWhere());
    }

    @Test
    void withoutADrillTheNextIsDueTheDayTheRecordIsMade() {
        BreakGlassRecord record = two(RecordNotes.none(), Optional.empty());

        assertThat(record.lastDrill()).isEmpty();
        assertThat(record.nextDrill()).isEqualTo(record.made());
        assertThat(record.drillDueNow()).isTrue();
        assertThat(BreakGlassRecordHtml.render(record)).contains("None recorded").contains("(now: none is recorded)");
    }

    @Test
    void theNotesSurviveTheRunsAnswers() {
        RecordNotes notes = RecordNotes.none().withPasswordInTwoParts(true).with(id(1),
                new RecordNotes.AccountNotes("Key A", "Safe 1", "CFO's safe", "Secretary's safe"));

        Answers saved = Answers.none().with(RecordNotes.ANSWER, notes);

        assertThat(saved.get(RecordNotes.ANSWER, RecordNotes.class)).contains(notes);
        assertThat(saved.toString()).contains("\"keyLabel\":\"Key A\"").contains("\"passwordInTwoParts\":true");
    }

    @Test
    void aNoteIsOneLineOfAtMostTheLimit() {
        assertThat(new RecordNotes.AccountNotes("  Key\nA\t ", null, "", "").keyLabel()).isEqualTo("Key A");
        assertThat(new RecordNotes.AccountNotes(null, null, null, null)).isEqualTo(RecordNotes.AccountNotes.BLANK);
        assertThatThrownBy(() -> new RecordNotes.AccountNotes("", "x".repeat(RecordNotes.MAX_LENGTH + 1), "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Where the key is kept")
                .hasMessageContaining("shorten it");
    }

    @Test
    void nothingOnTheRecordCanHoldASecret() {
        Set<Type> seen = new HashSet<>();
        List<String> offending = new ArrayList<>();
        walk(BreakGlassRecord.class, "BreakGlassRecord", seen, offending);
        walk(RecordNotes.class, "RecordNotes", seen, offending);

        assertThat(seen).as("the walk reached the nested records").contains(BreakGlassRecord.Account.class,
                BreakGlassRecord.Key.class, RecordNotes.AccountNotes.class, BreakGlassRecord.Checkers.class);
        assertThat(offending).as("a Secret, char[] or byte[] on the record").isEmpty();
        for (Class<?> type : List.of(BreakGlassRecord.class, RecordNotes.class, RecordNotes.AccountNotes.class,
                BreakGlassRecord.Account.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                assertThat(component.getName().toLowerCase()).as(type.getSimpleName() + "." + component.getName())
                        .doesNotContain("secret").doesNotContain("pin").doesNotContain("pass" + "word" + "value")
                        .isNotIn("password", "pass", "tap", "code");
            }
        }
    }

    private static void walk(Type type, String path, Set<Type> seen, List<String> offending) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                walk(argument, path + "<>", seen, offending);
            }
            walk(parameterized.getRawType(), path, seen, offending);
            return;
        }
        if (!(type instanceof Class<?> raw) || !seen.add(type)) {
            return;
        }
        if (raw == Secret.class || raw == char[].class || raw == byte[].class) {
            offending.add(path);
            return;
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                walk(component.getGenericType(), path + "." + component.getName(), seen, offending);
            }
        }
    }

    @Test
    void theHtmlShowsEverythingOnTheBriefAndSaysWhatItIsNot() {
        RecordNotes notes = RecordNotes.none().with(id(1), new RecordNotes.AccountNotes("Key A", "Safe 1", "", ""));
        String html = BreakGlassRecordHtml.render(two(notes, Optional.of(LocalDate.of(2026, 11, 1))));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("@page { size: A4;")
                .contains("No password, pass or key PIN is on this page.")
                .contains("Contoso Ltd").contains(DOMAIN).contains(TENANT.id())
                .contains("Emergency Access Accounts").contains(GROUP)
                .contains("ea01@" + DOMAIN).contains(id(1)).contains("YubiKey 5 NFC")
                .contains("cb69481e-8ff7-4039-93ec-0a2729a154a8").contains("registered 3 Nov 2026")
                .contains("<td>Key A</td>\n<td>Safe 1</td>")
                .contains("None registered.")
                .contains("Last drill</th><td>1 Nov 2026</td>").contains("30 Jan 2027")
                .contains("Made with Gatehouse on 6 Dec 2026 by admin@" + DOMAIN)
                .contains("EmergencyAccessAccounts").contains("CapExclusions")
                .contains(BreakGlassRecordHtml.escape(CheckerConfig.maesterWhere()))
                .contains(BreakGlassRecordHtml.escape(CheckerConfig.scubaGearWhere()))
                .doesNotContain("Password parts").as("no parts: the password was never handed over");
        assertThat(html.split("write by hand", -1)).as("the second account's two blank lines").hasSize(3);
    }

    @Test
    void twoPartPasswordsGetALineForEachPartsPlace() {
        RecordNotes notes = RecordNotes.none().withPasswordInTwoParts(true).with(id(1),
                new RecordNotes.AccountNotes("", "", "CFO's safe", ""));
        String html = BreakGlassRecordHtml.render(two(notes, Optional.empty()));

        assertThat(html).contains("<th>Password parts kept at</th>")
                .contains("<span class=\"part\">1: CFO&#39;s safe</span><span class=\"part\">2: <span class=\"blank\">");
        assertThat(html.split("<span class=\"part\">1: ", -1)).as("both accounts").hasSize(3);
    }

    @Test
    void tenantAndAdminTextIsEscapedAndMadeInert() throws Exception {
        String evil = "<script>alert('x')</script> & \"Ops\" \u202Egnp.exe\u0007\uFFFF";
        BreakGlassRecord record = BreakGlassRecord.of(new dev.gatehouse.domain.tenant.TenantInfo(TENANT.id(), evil,
                        DOMAIN, DOMAIN),
                read(List.of(account(id(1), evil, "ea01@" + DOMAIN, List.of(key("k1", evil,
                        "cb69481e-8ff7-4039-93ec-0a2729a154a8", "2026-11-03T09:00:00Z")))), Optional.empty()),
                RecordNotes.none().with(id(1), new RecordNotes.AccountNotes(evil, "</td></tr></table>", "", "")),
                "admin@" + DOMAIN);
        String html = BreakGlassRecordHtml.render(record);

        assertThat(html).doesNotContain("<script").doesNotContain("</td></tr></table>\"")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Ops&quot;")
                .contains("\\u202Egnp.exe\\x07").doesNotContain("\u202E").doesNotContain("\u0007")
                .doesNotContain("\uFFFF");
        Document document = parse(html);
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("title").item(0).getTextContent()).contains("<script>");
    }

    @Test
    void theHtmlIsWellFormedXml() throws Exception {
        Document document = parse(BreakGlassRecordHtml.render(BreakGlassRecordFixtures.fourLong()));

        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
        assertThat(document.getElementsByTagName("pre").getLength()).isEqualTo(2);
    }

    @Test
    void noGroupAndNoAccountsStillMakeAPageThatSaysSo() {
        HealthRead read = new HealthRead(BreakGlassRecordFixtures.NOW, java.time.ZoneOffset.UTC, DOMAIN,
                Fact.unknown("No emergency-access group is chosen for this tenant."), List.of(), Fact.known(List.of()),
                Fact.unknown("not read"), Optional.empty(), BreakGlassHealthTest.UNRESTRICTED);
        BreakGlassRecord record = BreakGlassRecord.of(TENANT, read, RecordNotes.none(), "admin@" + DOMAIN);

        assertThat(record.checkers().present()).isFalse();
        assertThat(BreakGlassRecordHtml.render(record)).contains("No emergency-access group is known")
                .contains("No emergency-access account is in the group").contains("No checker entries");
    }

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }

}
