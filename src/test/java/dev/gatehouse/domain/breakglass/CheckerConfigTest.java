package dev.gatehouse.domain.breakglass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.domain.breakglass.CheckerConfig.Account;
import dev.gatehouse.domain.breakglass.CheckerConfig.Group;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checker snippets, byte for byte, and their keys against what Maester's and ScubaGear's documentation and
 * schema name (see {@link CheckerConfig}'s sources). No YAML parser is on the test classpath, so the YAML is checked
 * line by line against the small grammar it uses.
 */
class CheckerConfigTest {

    private static final Account BG1 = new Account("11111111-1111-4111-8111-111111111111",
            "bg1@contoso.onmicrosoft.com", "Break Glass 1");
    private static final Account BG2 = new Account("22222222-2222-4222-8222-222222222222",
            "bg2@contoso.onmicrosoft.com", "Break Glass 2");
    private static final Group GROUP = new Group("33333333-3333-4333-8333-333333333333", "Emergency Access");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Maester snippet for {@link #BG1}, {@link #BG2} and {@link #GROUP}. */
    private static final String MAESTER_TWO_AND_GROUP = """
            {
              "GlobalSettings": {
                "EmergencyAccessAccounts": [
                  {
                    "Id": "11111111-1111-4111-8111-111111111111",
                    "UserPrincipalName": "bg1@contoso.onmicrosoft.com",
                    "Type": "User"
                  },
                  {
                    "Id": "22222222-2222-4222-8222-222222222222",
                    "UserPrincipalName": "bg2@contoso.onmicrosoft.com",
                    "Type": "User"
                  },
                  {
                    "Id": "33333333-3333-4333-8333-333333333333",
                    "Type": "Group"
                  }
                ]
              }
            }
            """;

    /** The ScubaGear snippet for {@link #BG1}, {@link #BG2} and {@link #GROUP}. */
    private static final String SCUBAGEAR_TWO_AND_GROUP = """
            Aad:
              # Emergency-access (break-glass) accounts, excluded from the Conditional Access policies
              MS.AAD.1.1v1: &BreakGlassCapExclusions
                CapExclusions:
                  Users:
                    - "11111111-1111-4111-8111-111111111111"  # Break Glass 1 (bg1@contoso.onmicrosoft.com)
                    - "22222222-2222-4222-8222-222222222222"  # Break Glass 2 (bg2@contoso.onmicrosoft.com)
                  Groups:
                    - "33333333-3333-4333-8333-333333333333"  # Emergency Access
              MS.AAD.2.1v1: *BreakGlassCapExclusions
              MS.AAD.2.3v1: *BreakGlassCapExclusions
              MS.AAD.3.1v1: *BreakGlassCapExclusions
              MS.AAD.3.2v2: *BreakGlassCapExclusions
              MS.AAD.3.6v1: *BreakGlassCapExclusions
              MS.AAD.3.7v1: *BreakGlassCapExclusions
              MS.AAD.3.8v1: *BreakGlassCapExclusions
              MS.AAD.3.9v1: *BreakGlassCapExclusions
              # Emergency-access accounts may keep permanent active privileged role assignments
              MS.AAD.7.4v1:
                RoleExclusions:
                  Users:
                    - "11111111-1111-4111-8111-111111111111"  # Break Glass 1 (bg1@contoso.onmicrosoft.com)
                    - "22222222-2222-4222-8222-222222222222"  # Break Glass 2 (bg2@contoso.onmicrosoft.com)
                  Groups:
                    - "33333333-3333-4333-8333-333333333333"  # Emergency Access
            """;

    @Test
    void twoAccountsAndTheirGroup() {
        assertThat(CheckerConfig.maester(List.of(BG1, BG2), Optional.of(GROUP))).isEqualTo(MAESTER_TWO_AND_GROUP);
        assertThat(CheckerConfig.scubaGear(List.of(BG1, BG2), Optional.of(GROUP))).isEqualTo(SCUBAGEAR_TWO_AND_GROUP);
    }

    @Test
    void accountsWithoutAGroupHaveNoGroupEntries() {
        String groupEntry = """
                  },
                  {
                    "Id": "33333333-3333-4333-8333-333333333333",
                    "Type": "Group"
                  }
            """;
        String groupItems = """
                  Groups:
                    - "33333333-3333-4333-8333-333333333333"  # Emergency Access
            """;
        assertThat(MAESTER_TWO_AND_GROUP).contains(groupEntry);
        assertThat(SCUBAGEAR_TWO_AND_GROUP.split(Pattern.quote(groupItems), -1)).hasSize(3);

        assertThat(CheckerConfig.maester(List.of(BG1, BG2), Optional.empty()))
                .isEqualTo(MAESTER_TWO_AND_GROUP.replace(groupEntry, "      }\n"));
        assertThat(CheckerConfig.scubaGear(List.of(BG1, BG2), Optional.empty()))
                .isEqualTo(SCUBAGEAR_TWO_AND_GROUP.replace(groupItems, ""));
    }

    @Test
    void aGroupAloneIsEnough() {
        assertThat(CheckerConfig.maester(List.of(), Optional.of(GROUP))).isEqualTo("""
                {
                  "GlobalSettings": {
                    "EmergencyAccessAccounts": [
                      {
                        "Id": "33333333-3333-4333-8333-333333333333",
                        "Type": "Group"
                      }
                    ]
                  }
                }
                """);
        String yaml = CheckerConfig.scubaGear(List.of(), Optional.of(GROUP));
        assertThat(yaml).doesNotContain("Users:");
        assertThat(yaml).contains("""
                    CapExclusions:
                      Groups:
                        - "33333333-3333-4333-8333-333333333333"  # Emergency Access
                """, """
                    RoleExclusions:
                      Groups:
                        - "33333333-3333-4333-8333-333333333333"  # Emergency Access
                """);
        assertWellFormedYaml(yaml);
    }

    @Test
    void aDisplayNameWithQuotesColonsHashesAndLineBreaksStaysInsideItsComment() {
        Account odd = new Account("44444444-4444-4444-8444-444444444444", "odd@contoso.com",
                "\"BG\": 'vault' #1 \\ {x: [y]}\nGroups:\r\n  - evil\u2028&anchor *alias\u0000end");
        Group oddGroup = new Group("55555555-5555-4555-8555-555555555555", "Tier-0: \"break glass\"\u0085# x");
        String yaml = CheckerConfig.scubaGear(List.of(odd), Optional.of(oddGroup));

        assertThat(yaml).contains("        - \"44444444-4444-4444-8444-444444444444\"  # \"BG\": 'vault' #1 \\ {x: [y]}"
                + " Groups: - evil &anchor *alias end (odd@contoso.com)\n");
        assertThat(yaml).contains("        - \"55555555-5555-4555-8555-555555555555\"  # Tier-0: \"break glass\" # x\n");
        assertWellFormedYaml(yaml);
        assertThat(yaml.lines().count()).isEqualTo(23);

        // Maester has no display-name field: the name is not in the JSON at all, and what is there parses.
        String json = CheckerConfig.maester(List.of(odd), Optional.of(oddGroup));
        assertThat(json).doesNotContain("vault").doesNotContain("Tier-0");
        assertDocumentedMaesterShape(json, 2);
    }

    @Test
    void aMissingUserPrincipalNameOrDisplayNameIsLeftOut() {
        Account idOnly = new Account("66666666-6666-4666-8666-666666666666", null, " ");
        Account nameOnly = new Account("77777777-7777-4777-8777-777777777777", "", "Vault 2");
        String json = CheckerConfig.maester(List.of(idOnly, nameOnly), Optional.of(new Group(GROUP.id(), null)));
        assertThat(json).doesNotContain("UserPrincipalName");
        assertDocumentedMaesterShape(json, 3);

        String yaml = CheckerConfig.scubaGear(List.of(idOnly, nameOnly), Optional.of(new Group(GROUP.id(), null)));
        assertThat(yaml).contains("""
                      Users:
                        - "66666666-6666-4666-8666-666666666666"
                        - "77777777-7777-4777-8777-777777777777"  # Vault 2
                      Groups:
                        - "33333333-3333-4333-8333-333333333333"
                """);
        assertWellFormedYaml(yaml);
    }

    @Test
    void theMaesterSnippetHasTheDocumentedKeysAndParses() throws Exception {
        String json = CheckerConfig.maester(List.of(BG1, BG2), Optional.of(GROUP));
        assertDocumentedMaesterShape(json, 3);
        JsonNode entries = JSON.readTree(json).get("GlobalSettings").get("EmergencyAccessAccounts");
        assertThat(entries.get(0).get("Type").asText()).isEqualTo("User");
        assertThat(entries.get(0).get("Id").asText()).isEqualTo(BG1.id());
        assertThat(entries.get(0).get("UserPrincipalName").asText()).isEqualTo(BG1.userPrincipalName());
        assertThat(entries.get(2).get("Type").asText()).isEqualTo("Group");
        assertThat(entries.get(2).get("Id").asText()).isEqualTo(GROUP.id());
        assertThat(json).doesNotContain("\r").doesNotContain("\" :").doesNotContain("\t");
    }

    @Test
    void theScubaGearSnippetNamesExactlyTheDocumentedPoliciesAndKeys() {
        String yaml = CheckerConfig.scubaGear(List.of(BG1, BG2), Optional.of(GROUP));
        List<String> lines = assertWellFormedYaml(yaml);

        assertThat(lines.get(0)).isEqualTo("Aad:");
        Set<String> policies = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher key = Pattern.compile("^ *([A-Za-z0-9.]+):").matcher(line);
            if (key.find()) {
                (line.startsWith("  MS.") ? policies : keys).add(key.group(1));
            }
        }
        // ScubaConfigSchema.json policyExclusionMappings: the Aad policies and their exclusion types.
        assertThat(policies).containsExactly("MS.AAD.1.1v1", "MS.AAD.2.1v1", "MS.AAD.2.3v1", "MS.AAD.3.1v1",
                "MS.AAD.3.2v2", "MS.AAD.3.6v1", "MS.AAD.3.7v1", "MS.AAD.3.8v1", "MS.AAD.3.9v1", "MS.AAD.7.4v1");
        assertThat(keys).containsExactly("Aad", "CapExclusions", "Users", "Groups", "RoleExclusions");
        assertThat(CheckerConfig.CAP_EXCLUSION_POLICIES).hasSize(9);
        // Each alias names the one anchor, and the anchor is defined once, before them.
        assertThat(yaml.indexOf("&BreakGlassCapExclusions")).isLessThan(yaml.indexOf("*BreakGlassCapExclusions"));
        assertThat(yaml.split("&BreakGlassCapExclusions", -1)).hasSize(2);
        assertThat(yaml.split("\\*BreakGlassCapExclusions", -1)).hasSize(9);
    }

    @Test
    void repeatedAccountsAreListedOnceAsScubaGearsUniqueListsRequire() {
        Account lower = new Account("abcdef01-2345-4678-89ab-cdef01234567", "vault@contoso.com", "Vault");
        Account upper = new Account("ABCDEF01-2345-4678-89AB-CDEF01234567", "other@contoso.com", "Again");
        String yaml = CheckerConfig.scubaGear(List.of(lower, upper, BG1, lower), Optional.empty());
        // once under CapExclusions, once under RoleExclusions; the first spelling kept
        assertThat(yaml.toLowerCase().split("cdef01234567", -1)).hasSize(3);
        assertThat(yaml).doesNotContain("Again").contains("Vault (vault@contoso.com)");
        assertThat(yaml.split("1111-4111", -1)).hasSize(3);
        assertThat(CheckerConfig.maester(List.of(BG1, BG1), Optional.empty()).split("\"Type\"", -1)).hasSize(2);
    }

    @Test
    void refusesNonGuidIdsAndAnEmptyConfiguration() {
        assertThatThrownBy(() -> new Account("bg1@contoso.com", "bg1@contoso.com", "BG"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Account(null, "bg1@contoso.com", "BG"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Group("1111-\"x\"", "G")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckerConfig.maester(List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckerConfig.scubaGear(List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWhereLinesNameTheFileTheKeyAndTheReaders() {
        assertThat(CheckerConfig.maesterWhere()).doesNotContain("\n")
                .contains("tests/Custom/maester-config.json", "GlobalSettings.EmergencyAccessAccounts", "MT.1005",
                        "Test-MtCaEmergencyAccessExists", "MT.1191", "MT.1111");
        assertThat(CheckerConfig.scubaGearWhere()).doesNotContain("\n")
                .contains("-ConfigFilePath", "Aad", "CapExclusions", "RoleExclusions", "MS.AAD.1.1v1",
                        "MS.AAD.3.9v1", "MS.AAD.7.4v1");
    }

    /** The JSON parses, and holds only GlobalSettings.EmergencyAccessAccounts with Maester's documented fields. */
    private static void assertDocumentedMaesterShape(String json, int entries) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
        assertThat(fieldNames(root)).containsExactly("GlobalSettings");
        assertThat(fieldNames(root.get("GlobalSettings"))).containsExactly("EmergencyAccessAccounts");
        JsonNode list = root.get("GlobalSettings").get("EmergencyAccessAccounts");
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isEqualTo(entries);
        for (JsonNode entry : list) {
            assertThat(fieldNames(entry)).isSubsetOf("Id", "UserPrincipalName", "Type").contains("Id", "Type");
            assertThat(entry.get("Type").asText()).isIn("User", "Group");
            assertThat(entry.get("Id").asText()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Every line is one of the forms this YAML uses, at an indent that follows its parent: a mapping key (with an
     * anchor, an alias or nothing after it), a double-quoted GUID list item, or a comment; an optional comment
     * after a value begins with whitespace and '#'. Returns the lines with trailing comments removed.
     */
    private static List<String> assertWellFormedYaml(String yaml) {
        assertThat(yaml).endsWith("\n").doesNotContain("\r").doesNotContain("\t");
        Pattern key = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9.]*):( &BreakGlassCapExclusions| \\*BreakGlassCapExclusions)?$");
        Pattern item = Pattern.compile("^( *)- \"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\"$");
        Pattern trailingComment = Pattern.compile("^(.*?\"|[^#]*?)(  # [^\\n]*)?$");
        List<String> bare = new ArrayList<>();
        int parentIndent = -2;
        boolean parentOpen = true;
        for (String line : yaml.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.stripLeading().startsWith("# ")) {
                continue;
            }
            Matcher m = trailingComment.matcher(line);
            assertThat(m.matches()).as("line %s", line).isTrue();
            String value = m.group(1);
            bare.add(value);
            Matcher k = key.matcher(value);
            Matcher i = item.matcher(value);
            assertThat(k.matches() || i.matches()).as("form of line %s", line).isTrue();
            int indent = k.matches() ? k.group(1).length() : i.group(1).length();
            assertThat(indent % 2).as("indent of %s", line).isZero();
            if (parentOpen) {
                assertThat(indent).as("child of an open key: %s", line).isEqualTo(parentIndent + 2);
            } else {
                assertThat(indent).as("sibling or outdent: %s", line).isLessThanOrEqualTo(parentIndent);
            }
            parentIndent = indent;
            parentOpen = k.matches() && k.group(3) == null || k.matches() && k.group(3).contains("&");
        }
        return bare;
    }
}
