package dev.gatehouse.sim.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.state.SimGroup;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.state.TenantState;
import dev.gatehouse.sim.wire.Wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The {@code large:N} generator: N users added to the baseline tenant, built deterministically from their
 * index (same names, states and ids on every start). Their authentication methods are not stored: they
 * are derived from the user id when asked for, so memory stays proportional to the users alone.
 */
final class LargeTenant {

    private static final String[] GIVEN = {"Aaron", "Abigail", "Adam", "Adriana", "Ahmed", "Aisha", "Alan", "Alejandro",
            "Alice", "Amara", "Amir", "Ana", "Andre", "Anika", "Arjun", "Ava", "Ben", "Bianca", "Bruno", "Camila",
            "Carlos", "Chen", "Chloe", "Daniel", "Daria", "David", "Diego", "Elena", "Eli", "Emma", "Ethan", "Fatima",
            "Felix", "Freya", "Gabriel", "Grace", "Hana", "Hannah", "Hugo", "Ibrahim", "Ines", "Isaac", "Isla", "Ivan",
            "Jack", "Jade", "James", "Javier", "Jin", "Julia", "Kai", "Karan", "Kate", "Kenji", "Laila", "Leo", "Lina",
            "Luca", "Lucy", "Maya", "Mei", "Mohammed", "Nadia", "Naomi", "Nikhil", "Noah", "Olga", "Oliver", "Omar",
            "Paula", "Pedro", "Priya", "Rafael", "Ravi", "Rosa", "Ruby", "Sam", "Sara", "Sean", "Sofia", "Sunil",
            "Tara", "Theo", "Tomas", "Uma", "Victor", "Wei", "Xavier", "Yara", "Yusuf", "Zara", "Zoe", "Mateo",
            "Ingrid", "Kofi", "Leila", "Nora"};
    private static final String[] SURNAMES = {"Abbott", "Acosta", "Adeyemi", "Ahmed", "Alvarez", "Andersen", "Bakker",
            "Banerjee", "Barros", "Becker", "Bianchi", "Brown", "Campbell", "Chen", "Costa", "Cruz", "Dang", "Das",
            "Davies", "Dubois", "Edwards", "Eriksen", "Fernandes", "Fischer", "Garcia", "Gill", "Gomez", "Green",
            "Gupta", "Hall", "Hansen", "Hernandez", "Hoang", "Hughes", "Ibrahim", "Ito", "Jackson", "Jensen", "Johnson",
            "Kaur", "Khan", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin", "Meyer", "Miller",
            "Mohamed", "Moreau", "Murphy", "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Park", "Patel",
            "Pereira", "Petrov", "Quinn", "Ramos", "Reddy", "Reyes", "Richter", "Rossi", "Ruiz", "Santos", "Sato",
            "Schmidt", "Shah", "Silva", "Singh", "Smith", "Sousa", "Suzuki", "Tan", "Taylor", "Thomas", "Torres",
            "Tran", "Vargas", "Walker", "Wang", "Weber", "White", "Williams", "Wilson", "Wong", "Wu", "Yamamoto",
            "Yang", "Young", "Zhang", "Zhou", "Ziegler", "Moretti", "Haddad", "Lindqvist"};
    private static final String[] DEPARTMENTS = {"Sales", "Operations", "Finance", "Engineering", "Customer Support",
            "Marketing", "Warehouse", "Human Resources"};
    private static final String[] TITLES = {"Associate", "Specialist", "Coordinator", "Analyst", "Team Lead", "Manager"};
    private static final String[] PHONE_MODELS = {"iPhone 15", "iPhone 13", "Pixel 8", "SM-S918B", "SM-A546B",
            "moto g54"};
    private static final String[] KEY_MODELS = {"YubiKey 5 NFC", "YubiKey 5C NFC", "Feitian ePass FIDO2",
            "YubiKey Bio"};
    private static final String[] KEY_AAGUIDS = {"a4e9fc6d-4cbe-4758-b8ba-37598bb5bbaa",
            "2fc0579f-8113-47ea-b116-555a8db9202a", "833b721a-ff5f-4d00-bb2e-bdda3ec01e29",
            "d8522d9f-575b-4866-88a9-ba99fa02f35b"};

    private final int count;
    private final Instant now;
    private final String guestDomain;
    private final String memberDomain;
    private final Set<String> guestIds = new HashSet<>();

    LargeTenant(int count, Instant now, String initialDomain, String defaultDomain) {
        this.count = count;
        this.now = now;
        this.guestDomain = initialDomain;
        this.memberDomain = defaultDomain;
    }

    void populate(TenantState state) {
        List<SimGroup> departments = new ArrayList<>();
        for (String department : DEPARTMENTS) {
            SimGroup group = new SimGroup(ScenarioLoader.stableId("group", "generated " + department),
                    department + " (all staff)")
                    .description("Everyone in " + department)
                    .securityEnabled(true)
                    .createdDateTime(now.minus(Duration.ofDays(1500)));
            state.addGroup(group);
            departments.add(group);
        }
        String skuId = state.subscribedSkus().isEmpty() ? null : state.subscribedSkus().get(0).path("skuId").asText();
        for (int i = 0; i < count; i++) {
            SimUser user = user(i, skuId, state);
            state.addUser(user);
            if (user.guest()) {
                guestIds.add(user.id());
            } else {
                departments.get(i % DEPARTMENTS.length).members().add(user.id());
            }
        }
    }

    /** Names repeat every 97 × 101 users, so later rounds get a number; a name the scenario already uses too. */
    private SimUser user(int index, String skuId, TenantState state) {
        SplittableRandom random = new SplittableRandom(0x5EEDL + index);
        String given = GIVEN[index % GIVEN.length];
        String surname = SURNAMES[index % SURNAMES.length];
        int round = index / (GIVEN.length * SURNAMES.length);
        boolean guest = random.nextInt(1000) < 15;
        // the same number as the display name: the second "Ada Lovelace" is ada.lovelace2
        String nickname = (given + "." + surname).toLowerCase(Locale.ROOT) + (round == 0 ? "" : Integer.toString(round + 1));
        if (state.user(upn(nickname, guest)).isPresent()) {
            nickname = nickname + "." + index;
        }
        String upn = upn(nickname, guest);
        String department = DEPARTMENTS[index % DEPARTMENTS.length];
        Instant created = now.minus(Duration.ofDays(3 + random.nextInt(2000)));
        SimUser user = new SimUser(id(index), upn, given + " " + surname + (round == 0 ? "" : " " + (round + 1)))
                .givenName(given)
                .surname(surname)
                .userType(guest ? "Guest" : "Member")
                .accountEnabled(random.nextInt(100) >= 3)
                .createdDateTime(created)
                .signInSessionsValidFromDateTime(created)
                .mailNickname(nickname);
        if (guest) {
            return user.mail(nickname + "@partner.example").creationType("Invitation").externalUserState("Accepted");
        }
        boolean synced = random.nextInt(100) < 40;
        return user.mail(upn)
                .jobTitle(department + " " + TITLES[random.nextInt(TITLES.length)])
                .department(department)
                .usageLocation("AU")
                .preferredLanguage("en-AU")
                .lastPasswordChangeDateTime(created.plus(Duration.ofDays(random.nextInt(3))))
                .onPremisesSyncEnabled(synced ? Boolean.TRUE : null)
                .onPremisesLastSyncDateTime(synced ? now.minus(Duration.ofMinutes(20)) : null)
                .directSkuIds(skuId == null ? List.of() : List.of(skuId));
    }

    private String upn(String nickname, boolean guest) {
        return guest ? nickname + "_partner.example#EXT#@" + guestDomain : nickname + "@" + memberDomain;
    }

    /** The methods of a generated user: same user id, same methods, every time. */
    List<SimMethod> methodsOf(String userId) {
        if (guestIds.contains(userId)) {
            return List.of();
        }
        SplittableRandom random = new SplittableRandom(UUID.fromString(userId).getLeastSignificantBits());
        Instant created = now.minus(Duration.ofDays(30 + random.nextInt(900)));
        List<SimMethod> methods = new ArrayList<>();
        methods.add(new SimMethod(MethodType.PASSWORD_METHOD_ID, MethodType.PASSWORD, created, Wire.object()));
        int profile = random.nextInt(100);
        if (profile < 15) {
            return methods;
        }
        if (profile < 30) {
            methods.add(phone(random));
            return methods;
        }
        if (profile < 92 || profile >= 96) {
            methods.add(authenticator(userId, random, created));
        }
        if (profile < 60) {
            methods.add(phone(random));
        } else if (profile >= 75 && profile < 85) {
            int key = random.nextInt(KEY_MODELS.length);
            methods.add(method(userId, MethodType.FIDO2, created.plus(Duration.ofDays(random.nextInt(20))), Wire.object()
                    .put("displayName", KEY_MODELS[key]).put("aaGuid", KEY_AAGUIDS[key]).put("model", KEY_MODELS[key])
                    .put("attestationLevel", "attested").put("passkeyType", "deviceBound")));
        } else if (profile >= 85 && profile < 92) {
            methods.add(method(userId, MethodType.WINDOWS_HELLO_FOR_BUSINESS, created, Wire.object()
                    .put("displayName", "LAPTOP-" + Integer.toHexString(random.nextInt(0xFFFFF)).toUpperCase(Locale.ROOT))
                    .put("keyStrength", "normal")));
        } else if (profile >= 92 && profile < 96) {
            methods.add(method(userId, MethodType.SOFTWARE_OATH, null, Wire.object()));
            methods.add(phone(random));
        } else if (profile >= 98) {
            methods.add(method(userId, MethodType.PLATFORM_CREDENTIAL, created, Wire.object()
                    .put("displayName", "MacBook Pro").put("keyStrength", "normal").put("platform", "macOS")));
        }
        return methods;
    }

    private SimMethod authenticator(String userId, SplittableRandom random, Instant created) {
        return method(userId, MethodType.MICROSOFT_AUTHENTICATOR, created, Wire.object()
                .put("displayName", PHONE_MODELS[random.nextInt(PHONE_MODELS.length)])
                .put("deviceTag", "SoftwareTokenActivated")
                .put("phoneAppVersion", "6.2409." + (1000 + random.nextInt(9000))));
    }

    private static SimMethod phone(SplittableRandom random) {
        String number = String.format("+61 4%02d %03d %03d", random.nextInt(100), random.nextInt(1000),
                random.nextInt(1000));
        return new SimMethod("3179e48a-750b-4051-897c-87b9720928f7", MethodType.PHONE, null, Wire.object()
                .put("phoneNumber", number).put("phoneType", "mobile"));
    }

    private static SimMethod method(String userId, MethodType type, Instant created, ObjectNode properties) {
        String id = UUID.nameUUIDFromBytes((userId + "/" + type.name()).getBytes(StandardCharsets.UTF_8)).toString();
        return new SimMethod(id, type, created, properties);
    }

    private static String id(int index) {
        SplittableRandom random = new SplittableRandom(0xA11CEL * 31 + index);
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
