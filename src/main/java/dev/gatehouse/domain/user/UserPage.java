package dev.gatehouse.domain.user;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of users.
 *
 * @param totalCount how many users match in all, when the tenant reported it ({@code $count=true})
 * @param nextCursor where the next page starts, empty on the last page
 */
public record UserPage(List<UserSummary> users, OptionalLong totalCount, Optional<String> nextCursor) {

    public UserPage {
        users = List.copyOf(users);
    }

    public boolean hasMore() {
        return nextCursor.isPresent();
    }
}
