package dev.gatehouse.domain.breakglass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant's emergency-access (break-glass) accounts as the two public checkers want them configured, ready to
 * paste: Maester's {@code maester-config.json} and ScubaGear's YAML config file. Both name accounts by their Entra
 * object id (a GUID); neither has a field for a display name, so names appear only as YAML comments.
 *
 * <h2>Maester</h2>
 * {@code GlobalSettings.EmergencyAccessAccounts} is an array of objects with {@code Type} ({@code User} or
 * {@code Group}, required) and {@code Id} (object id) or {@code UserPrincipalName} (a group's mail) — "Configuring
 * Emergency Access Accounts", https://maester.dev/docs/configuration/emergency-access-accounts (repo
 * maester365/maester, {@code website/docs/configuration/emergency-access-accounts.md}). When an entry has both, the
 * checks resolve it by {@code Id} ({@code powershell/internal/Get-MtEmergencyAccessAccount.ps1},
 * {@code powershell/public/maester/entra/Test-MtCaEmergencyAccessExists.ps1}); MT.1111
 * ({@code powershell/public/xspm/Test-MtXspmPrivilegedUsersLinkedToIdentity.ps1}) matches by
 * {@code UserPrincipalName} alone, so users carry both. Readers: MT.1005 (Test-MtCaEmergencyAccessExists), MT.1191
 * (Test-MtGsaCompliantNetworkBreakGlassExcluded, via Get-MtEmergencyAccessAccount) and MT.1111. The organisation's
 * own settings go in {@code tests/Custom/maester-config.json}, whose {@code GlobalSettings} properties each replace
 * the main file's one of the same name ("Configure Maester", https://maester.dev/docs/configuration/overview;
 * {@code powershell/internal/Get-MtMaesterConfig.ps1}). Its JSON is read by {@code ConvertFrom-Json}, so the
 * snippet carries no comments.
 *
 * <h2>ScubaGear</h2>
 * The file given to {@code Invoke-SCuBA -ConfigFilePath}: top-level key {@code Aad} (the schema marks it
 * case-sensitive), under it policy ids, under each {@code CapExclusions} with {@code Users} and {@code Groups}
 * lists of object ids (GUIDs only, unique) — "ScubaGear Configuration File", section "Entra ID Configuration",
 * https://github.com/cisagov/ScubaGear/blob/main/docs/configuration/configuration.md; the schema
 * {@code PowerShell/ScubaGear/Modules/ScubaConfig/ScubaConfigSchema.json} ({@code policyExclusionMappings},
 * {@code exclusionTypes}); the sample {@code PowerShell/ScubaGear/Sample-Config-Files/scuba_compliance.yaml}, whose
 * {@code Aad} section has the same shape and the same YAML anchor and aliases as this one. CapExclusions are taken
 * by exactly {@link #CAP_EXCLUSION_POLICIES}; {@code RoleExclusions} ({@code Users}, {@code Groups}) by
 * MS.AAD.7.4v1 alone, whose baseline text ({@code PowerShell/ScubaGear/baselines/aad.md}) names emergency access
 * accounts as an exception to "no permanent active assignments to highly privileged roles". ScubaGear has no
 * separate break-glass setting. Its samples and documentation use {@code #} comments beside ids.
 */
public final class CheckerConfig {

    /** An emergency-access user: its Entra object id (a GUID), its user principal name and display name if known. */
    public record Account(String id, String userPrincipalName, String displayName) {
        public Account {
            requireObjectId(id);
        }
    }

    /** The group that holds the emergency-access accounts: its Entra object id (a GUID) and display name if known. */
    public record Group(String id, String displayName) {
        public Group {
            requireObjectId(id);
        }
    }

    /** The ScubaGear Entra ID policies whose checks take {@code CapExclusions}, in the schema's order. */
    public static final List<String> CAP_EXCLUSION_POLICIES = List.of("MS.AAD.1.1v1", "MS.AAD.2.1v1",
            "MS.AAD.2.3v1", "MS.AAD.3.1v1", "MS.AAD.3.2v2", "MS.AAD.3.6v1", "MS.AAD.3.7v1", "MS.AAD.3.8v1",
            "MS.AAD.3.9v1");

    /** The ScubaGear Entra ID policy whose check takes {@code RoleExclusions}. */
    public static final String ROLE_EXCLUSION_POLICY = "MS.AAD.7.4v1";

    /** The object-id form both tools accept: ScubaGear's schema pattern {@code guid}, Maester's GUID match. */
    private static final Pattern OBJECT_ID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private static final String ANCHOR = "BreakGlassCapExclusions";

    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(TWO_SPACES)
            .withArrayIndenter(TWO_SPACES));

    private CheckerConfig() {
    }

    /**
     * The JSON to paste into maester-config.json: the GlobalSettings object holding EmergencyAccessAccounts
     * (pretty-printed, 2-space indent), as a whole document that is also a complete
     * {@code tests/Custom/maester-config.json}. Users come first, each with {@code Id}, {@code UserPrincipalName}
     * (when known) and {@code Type: "User"}; then the group with {@code Id} and {@code Type: "Group"}.
     *
     * @throws IllegalArgumentException when there is neither an account nor a group
     */
    public static String maester(List<Account> accounts, Optional<Group> group) {
        Entries entries = entries(accounts, group);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putObject("GlobalSettings").putArray("EmergencyAccessAccounts");
        for (Account account : entries.accounts()) {
            ObjectNode entry = list.addObject();
            entry.put("Id", account.id());
            if (!blank(account.userPrincipalName())) {
                entry.put("UserPrincipalName", account.userPrincipalName().strip());
            }
            entry.put("Type", "User");
        }
        entries.group().ifPresent(g -> list.addObject().put("Id", g.id()).put("Type", "Group"));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings did not serialize", e);
        }
    }

    /**
     * The YAML to paste into a ScubaGear config file: the {@code Aad} section, one {@code CapExclusions} block
     * anchored on the first policy and aliased by the others, then {@code RoleExclusions} for MS.AAD.7.4v1. Ids are
     * double-quoted; display names and user principal names appear only in comments beside the ids.
     *
     * @throws IllegalArgumentException when there is neither an account nor a group
     */
    public static String scubaGear(List<Account> accounts, Optional<Group> group) {
        Entries entries = entries(accounts, group);
        StringBuilder yaml = new StringBuilder();
        yaml.append("Aad:\n");
        yaml.append("  # Emergency-access (break-glass) accounts, excluded from the Conditional Access policies\n");
        yaml.append("  ").append(CAP_EXCLUSION_POLICIES.get(0)).append(": &").append(ANCHOR).append('\n');
        yaml.append("    CapExclusions:\n");
        principals(yaml, entries, "      ");
        for (String policy : CAP_EXCLUSION_POLICIES.subList(1, CAP_EXCLUSION_POLICIES.size())) {
            yaml.append("  ").append(policy).append(": *").append(ANCHOR).append('\n');
        }
        yaml.append("  # Emergency-access accounts may keep permanent active privileged role assignments\n");
        yaml.append("  ").append(ROLE_EXCLUSION_POLICY).append(":\n");
        yaml.append("    RoleExclusions:\n");
        principals(yaml, entries, "      ");
        return yaml.toString();
    }

    /** Where the Maester snippet goes and what reads it, in one line. */
    public static String maesterWhere() {
        return "Maester: tests/Custom/maester-config.json, key GlobalSettings.EmergencyAccessAccounts (replaces that "
                + "setting of tests/maester-config.json); read by MT.1005 (Test-MtCaEmergencyAccessExists), "
                + "MT.1191 (Test-MtGsaCompliantNetworkBreakGlassExcluded) and MT.1111 "
                + "(Test-MtXspmPrivilegedUsersLinkedToIdentity, by UserPrincipalName).";
    }

    /** Where the ScubaGear snippet goes and what reads it, in one line. */
    public static String scubaGearWhere() {
        return "ScubaGear: the YAML config file given to Invoke-SCuBA -ConfigFilePath, top-level key Aad (merge "
                + "into an existing Aad section); read by the Entra ID checks " + String.join(", ",
                CAP_EXCLUSION_POLICIES) + " (CapExclusions) and " + ROLE_EXCLUSION_POLICY + " (RoleExclusions).";
    }

    private static void principals(StringBuilder yaml, Entries entries, String indent) {
        if (!entries.accounts().isEmpty()) {
            yaml.append(indent).append("Users:\n");
            for (Account account : entries.accounts()) {
                item(yaml, indent, account.id(), userComment(account));
            }
        }
        entries.group().ifPresent(g -> {
            yaml.append(indent).append("Groups:\n");
            item(yaml, indent, g.id(), comment(g.displayName()));
        });
    }

    private static void item(StringBuilder yaml, String indent, String id, String comment) {
        yaml.append(indent).append("  - \"").append(id).append('"');
        if (!comment.isEmpty()) {
            yaml.append("  # ").append(comment);
        }
        yaml.append('\n');
    }

    private static String userComment(Account account) {
        String name = comment(account.displayName());
        String upn = comment(account.userPrincipalName());
        if (name.isEmpty() || upn.isEmpty()) {
            return name.isEmpty() ? upn : name;
        }
        return name + " (" + upn + ")";
    }

    /**
     * Text safe inside a YAML comment, which runs to the end of its line and holds any printable character: line
     * breaks (YAML 1.1's NEL, LS and PS too) and other non-printable characters become spaces, runs of spaces one.
     */
    static String comment(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(printable(c) ? c : ' '));
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** YAML's c-printable, less the line breaks. */
    private static boolean printable(int c) {
        return c == '\t' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private record Entries(List<Account> accounts, Optional<Group> group) {
    }

    /** The accounts without repeats (ScubaGear's lists must be unique; ids compared without case), and the group. */
    private static Entries entries(List<Account> accounts, Optional<Group> group) {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(group, "group");
        Map<String, Account> unique = new LinkedHashMap<>();
        for (Account account : accounts) {
            unique.putIfAbsent(Objects.requireNonNull(account, "account").id().toLowerCase(Locale.ROOT), account);
        }
        if (unique.isEmpty() && group.isEmpty()) {
            throw new IllegalArgumentException("no emergency-access account or group to configure");
        }
        return new Entries(new ArrayList<>(unique.values()), group);
    }

    private static void requireObjectId(String id) {
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an Entra object id (GUID): " + id);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
