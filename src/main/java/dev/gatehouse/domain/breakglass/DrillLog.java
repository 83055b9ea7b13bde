package dev.gatehouse.domain.breakglass;

import dev.gatehouse.domain.settings.SettingsFile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The date of the last emergency-access drill per tenant, kept in {@code settings.properties} as
 * {@code breakglassDrill.<tenant id>=2026-12-06} (on the demo tenant, with the scenario after the id): a date, because a drill is a day's work and is shown as a date. A
 * missing or malformed value reads as "none recorded". Every method touches the disk: call it off the FX thread.
 */
public final class DrillLog {

    static final String KEY = "breakglassDrill.";

    private final SettingsFile file;
    /** Appended to the tenant id: the demo tenant's scenarios share one id, but each keeps its own drill. */
    private final String scope;

    public DrillLog(SettingsFile file) {
        this(file, "");
    }

    private DrillLog(SettingsFile file, String scope) {
        this.file = file;
        this.scope = scope;
    }

    /**
     * The drills of the tenant {@code connection} reaches. On the demo tenant each scenario keeps its own, so a drill
     * recorded on {@code baseline} does not hide the stale drill {@code breakglass-gaps} is about.
     */
    public static DrillLog in(Path dataFolder, dev.gatehouse.domain.tenant.TenantConnection connection) {
        return new DrillLog(new SettingsFile(dataFolder), connection.isDemo()
                ? "." + connection.label().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") : "");
    }

    public Optional<LocalDate> last(String tenantId) {
        try {
            return file.value(key(tenantId)).map(String::strip).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Records a drill held on {@code day}.
     *
     * @throws IllegalArgumentException {@code day} is after {@code today}: a drill is recorded once it is held
     */
    public void record(String tenantId, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("A drill is recorded once it is held: " + day + " is after today ("
                    + today + ").");
        }
        file.save(Map.of(key(tenantId), Optional.of(day.toString())));
    }

    private String key(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("A tenant id is required to keep a drill's date per tenant.");
        }
        return KEY + tenantId.strip().toLowerCase(Locale.ROOT) + scope;
    }
}
