package dev.gatehouse.domain.registration;

import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.DirectoryPrincipal;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.user.UserPage;
import dev.gatehouse.domain.user.UserQuery;
import dev.gatehouse.domain.user.UserSummary;
import dev.gatehouse.domain.user.UserType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the What If table asks about (issue 9, step 5): the acting admin, each emergency-access account, a pilot member
 * on a compliant device and on an unmanaged one — one with a passkey, one without when the group has both — and a
 * guest, plus anyone the admin names. Reads the tenant; blocks on the network.
 */
public final class WhatIfSubjects {

    /** How many of the pilot group's members are read to find one with and one without a passkey. */
    private static final int PILOT_SAMPLE = 25;

    private final TenantDirectory directory;

    public WhatIfSubjects(TenantDirectory directory) {
        this.directory = directory;
    }

    /**
     * @param named users the admin asked about (UPN or id), each on {@code namedCompliant}
     * @throws IllegalArgumentException a named user does not exist
     */
    public List<WhatIfComparison.Subject> standard(RegistrationRead read, Optional<String> pilotGroupId,
                                                   List<String> named, boolean namedCompliant) {
        List<WhatIfComparison.Subject> subjects = new ArrayList<>();
        subjects.add(new WhatIfComparison.Subject("you", read.actingAdmin(), false));
        read.emergencyAccounts().forEach(a -> subjects.add(new WhatIfComparison.Subject("emergency access", a,
                false)));
        pilotGroupId.ifPresent(group -> pilot(group, subjects));
        guest().ifPresent(g -> subjects.add(new WhatIfComparison.Subject("guest", g, false)));
        for (String who : named) {
            UserSnapshot user = snapshot(who).orElseThrow(() -> new IllegalArgumentException("No user " + who
                    + " in this tenant."));
            subjects.add(new WhatIfComparison.Subject("asked for", user, namedCompliant));
        }
        return subjects;
    }

    private void pilot(String groupId, List<WhatIfComparison.Subject> subjects) {
        UserSnapshot withPasskey = null;
        UserSnapshot without = null;
        int read = 0;
        for (DirectoryPrincipal member : directory.groupMembers(groupId)) {
            if (read >= PILOT_SAMPLE || withPasskey != null && without != null) {
                break; // enough read, or both found
            }
            if (!member.isUser()) {
                continue;
            }
            read++;
            Optional<UserSnapshot> user = snapshot(member.id());
            if (user.isEmpty()) {
                continue;
            }
            if (WhatIfComparison.hasPasskey(user.get())) {
                withPasskey = withPasskey == null ? user.get() : withPasskey;
            } else {
                without = without == null ? user.get() : without;
            }
        }
        UserSnapshot first = withPasskey != null ? withPasskey : without;
        if (first == null) {
            return;
        }
        subjects.add(new WhatIfComparison.Subject("pilot", first, true));
        if (withPasskey != null) {
            subjects.add(new WhatIfComparison.Subject("pilot, has a passkey", withPasskey, false));
        }
        if (without != null) {
            subjects.add(new WhatIfComparison.Subject("pilot, no passkey", without, false));
        }
    }

    /** The first enabled guest of the tenant, from the first pages of the user list. */
    private Optional<UserSnapshot> guest() {
        UserQuery query = UserQuery.firstPage("", UserQuery.MAX_TOP);
        for (int page = 0; page < 3; page++) {
            UserPage users = directory.searchUsers(query);
            Optional<UserSummary> guest = users.users().stream()
                    .filter(u -> u.userType() == UserType.GUEST && u.accountEnabled()).findFirst();
            if (guest.isPresent()) {
                return snapshot(guest.get().id());
            }
            if (users.nextCursor().isEmpty()) {
                return Optional.empty();
            }
            query = query.next(users.nextCursor().get());
        }
        return Optional.empty();
    }

    private Optional<UserSnapshot> snapshot(String idOrUpn) {
        return directory.findUser(idOrUpn).map(detail -> UserSnapshot.of(detail,
                directory.groupMemberships(detail.profile().id())));
    }
}
