package dev.gatehouse.sim.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceFilterRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void comparesDevicePropertiesCaseInsensitively() throws Exception {
        JsonNode laptop = JSON.readTree("{\"isCompliant\": true, \"trustType\": \"AzureAD\", \"operatingSystem\": \"Windows\","
                + " \"model\": \"Surface Laptop 5\"}");
        assertThat(DeviceFilterRule.parse("device.isCompliant -eq True").matches(laptop)).isTrue();
        assertThat(DeviceFilterRule.parse("device.trustType -eq \"azuread\"").matches(laptop)).isTrue();
        assertThat(DeviceFilterRule.parse("device.trustType -ne \"ServerAD\"").matches(laptop)).isTrue();
        assertThat(DeviceFilterRule.parse("device.model -startsWith \"Surface\"").matches(laptop)).isTrue();
        assertThat(DeviceFilterRule.parse("device.model -notContains \"Laptop\"").matches(laptop)).isFalse();
        assertThat(DeviceFilterRule.parse("device.operatingSystem -in [\"iOS\", \"Windows\"]").matches(laptop)).isTrue();
        assertThat(DeviceFilterRule.parse("device.isCompliant -eq True -and (device.model -endsWith \"4\""
                + " -or device.trustType -eq \"AzureAD\")").matches(laptop)).isTrue();
        assertThat(DeviceFilterRule.parse("device.isCompliant -eq False -or device.model -eq \"x\"").matches(laptop))
                .isFalse();
    }

    @Test
    void aPropertyTheDeviceLacksIsAbsent() throws Exception {
        JsonNode empty = JSON.readTree("{}");
        assertThat(DeviceFilterRule.parse("device.isCompliant -eq True").matches(empty)).isFalse();
        assertThat(DeviceFilterRule.parse("device.isCompliant -ne True").matches(empty)).isTrue();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> DeviceFilterRule.parse("user.department -eq \"x\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceFilterRule.parse("device.model -eq")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceFilterRule.parse("(device.model -eq \"a\"")).isInstanceOf(IllegalArgumentException.class);
    }
}
