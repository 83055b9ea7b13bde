package dev.gatehouse.domain.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NearestNameTest {

    @Test
    void suggestsTheNearestNameOnlyWhenItIsNearEnough() {
        List<String> fields = List.of("includeUsers", "excludeUsers", "includeGroups", "excludeGroups");

        assertThat(NearestName.to("includeUser", fields)).contains("includeUsers");
        assertThat(NearestName.to("EXCLUDEGROUPS", fields)).contains("excludeGroups");
        assertThat(NearestName.to("platforms", fields)).isEmpty();
        assertThat(NearestName.to("x", List.of())).isEmpty();
    }

    @Test
    void distanceCountsEdits() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("same", "same")).isZero();
    }
}
