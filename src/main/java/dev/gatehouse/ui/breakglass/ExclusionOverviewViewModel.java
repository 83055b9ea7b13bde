package dev.gatehouse.ui.breakglass;

import dev.gatehouse.domain.breakglass.BreakGlassSetupRead;
import dev.gatehouse.domain.breakglass.ExclusionOverview;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/**
 * Step 9, Conditional Access: for every policy, whether the emergency-access group is excluded — the whole tenant,
 * not only the policies the plan would change — from each fresh read. The stage's plan adds the missing exclusions.
 */
public final class ExclusionOverviewViewModel {

    private final ObservableList<ExclusionOverview.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "The policies are read when this step opens.");

    /** A fresh read of the tenant: the policies against the group in use. */
    void read(BreakGlassSetupRead read) {
        Optional<java.util.List<ExclusionOverview.Row>> overview = ExclusionOverview.of(read);
        rows.setAll(overview.orElse(java.util.List.of()));
        long missing = rows.stream().filter(r -> r.standing() == ExclusionOverview.Standing.MISSING).count();
        status.set(overview.isEmpty() ? read.group().isEmpty() ? "No emergency-access group yet: the group stage "
                + "makes one." : "The Conditional Access policies could not be read." + read.health()
                .map(h -> " " + h.policies().whyUnknown()).orElse("")
                : rows.isEmpty() ? "The tenant has no Conditional Access policy."
                : missing == 0 ? "No policy reaches the accounts without excluding the group."
                : missing + (missing == 1 ? " policy reaches" : " policies reach") + " the accounts without "
                + "excluding the group.");
    }

    /** Every policy, with where it stands towards the group. */
    public ObservableList<ExclusionOverview.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
