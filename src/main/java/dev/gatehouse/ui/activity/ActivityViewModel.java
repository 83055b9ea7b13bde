package dev.gatehouse.ui.activity;

import dev.gatehouse.domain.activity.CallLog;
import dev.gatehouse.domain.activity.CallSnippets;
import dev.gatehouse.domain.activity.GraphCall;
import dev.gatehouse.ui.common.TaskRunner;
import dev.gatehouse.ui.plan.ClipboardAccess;
import dev.gatehouse.ui.workspace.OpenTenant;
import dev.gatehouse.ui.workspace.WorkspaceModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live Graph call log, newest first. Calls are recorded on worker threads, often hundreds a second
 * during paging or retries; they are queued and moved to the list in one batch per {@link #BATCH_DELAY},
 * so the UI thread does one list change per batch instead of one per call.
 */
public final class ActivityViewModel implements WorkspaceModel {

    public static final Duration BATCH_DELAY = Duration.ofMillis(100);
    private static final String GRAPH_ROOT = "https://graph.microsoft.com/v1.0";

    /** How a call can be copied, as the "Copy as" menu names it. */
    public enum CopyFormat {
        INVOKE_MG_GRAPH_REQUEST("Invoke-MgGraphRequest"),
        CMDLET("Graph PowerShell cmdlet"),
        CURL("curl");

        private final String label;

        CopyFormat(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final TaskRunner runner;
    private final ClipboardAccess clipboard;
    private final int capacity;
    private final ObjectProperty<GraphCall> selectedCall = new SimpleObjectProperty<>(this, "selectedCall");
    private final ReadOnlyStringWrapper copyStatus = new ReadOnlyStringWrapper(this, "copyStatus", "");
    private CallSnippets snippets = new CallSnippets(GRAPH_ROOT);
    private final ObservableList<GraphCall> calls = FXCollections.observableArrayList();
    private final FilteredList<GraphCall> visibleCalls = new FilteredList<>(calls);
    /** Handed out once: listeners on an unmodifiable wrapper are lost when the wrapper is garbage-collected. */
    private final ObservableList<GraphCall> visibleCallsView = FXCollections.unmodifiableObservableList(visibleCalls);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Feed feed;

    public ActivityViewModel(TaskRunner runner, ClipboardAccess clipboard) {
        this(runner, CallLog.DEFAULT_CAPACITY, clipboard);
    }

    /** @param capacity how many calls the list keeps; older ones drop off, as they do in the log itself */
    public ActivityViewModel(TaskRunner runner, int capacity, ClipboardAccess clipboard) {
        this.runner = runner;
        this.capacity = capacity;
        this.clipboard = clipboard;
        selectedCall.addListener((obs, old, call) -> copyStatus.set(""));
        filterText.addListener((obs, old, text) -> {
            visibleCalls.setPredicate(CallFilter.matching(text));
            refreshSummary();
        });
        refreshSummary();
    }

    /** Follows the open tenant's call log. */
    @Override
    public void attach(OpenTenant tenant) {
        attach(tenant.connection().callLog(), tenant.connection().serviceRoot());
    }

    /** Follows a log of calls to Microsoft Graph's global service. */
    public void attach(CallLog log) {
        attach(log, GRAPH_ROOT);
    }

    /**
     * Follows a connection's log, starting with the calls it already holds.
     *
     * @param serviceRoot where the calls went, so snippets name the same cloud (the demo tenant's become Graph's)
     */
    public void attach(CallLog log, String serviceRoot) {
        detach();
        snippets = new CallSnippets(serviceRoot);
        feed = new Feed(log);
    }

    @Override
    public void detach() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        calls.clear();
        refreshSummary();
    }

    private void refreshSummary() {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        long failed = calls.stream().filter(GraphCall::failed).count();
        String text = numbers.format(calls.size()) + (calls.size() == 1 ? " call" : " calls")
                + (failed == 0 ? "" : " \u00b7 " + numbers.format(failed) + " failed");
        if (visibleCalls.size() != calls.size()) {
            text += " \u00b7 " + numbers.format(visibleCalls.size()) + " shown";
        }
        summary.set(text);
    }

    public ObservableList<GraphCall> visibleCalls() {
        return visibleCallsView;
    }

    /** The call the table has selected; the view binds it. */
    public ObjectProperty<GraphCall> selectedCallProperty() {
        return selectedCall;
    }

    /** The selected call written in {@code format}; empty without a selection, or without a cmdlet for it. */
    public Optional<String> snippet(CopyFormat format) {
        GraphCall call = selectedCall.get();
        if (call == null) {
            return Optional.empty();
        }
        return switch (format) {
            case INVOKE_MG_GRAPH_REQUEST -> Optional.of(snippets.invokeMgGraphRequest(call));
            case CMDLET -> snippets.cmdlet(call);
            case CURL -> Optional.of(snippets.curl(call));
        };
    }

    /** Puts the selected call on the clipboard in {@code format} and says what happened in {@link #copyStatusProperty}. */
    public void copy(CopyFormat format) {
        Optional<String> text = snippet(format);
        if (text.isPresent()) {
            clipboard.putText(text.get());
            copyStatus.set("Copied as " + format.label() + ".");
        } else if (selectedCall.get() != null) {
            copyStatus.set("Gatehouse knows no Microsoft Graph PowerShell cmdlet for this request: copy it as "
                    + CopyFormat.INVOKE_MG_GRAPH_REQUEST.label() + ".");
        }
    }

    /** The selected call's {@code request-id}, which Microsoft support asks for; nothing when it has none. */
    public void copyRequestId() {
        GraphCall call = selectedCall.get();
        if (call != null && call.requestId() != null) {
            clipboard.putText(call.requestId());
            copyStatus.set("Copied the request ID.");
        }
    }

    public void copyPath() {
        GraphCall call = selectedCall.get();
        if (call != null) {
            clipboard.putText(call.pathAndQuery());
            copyStatus.set("Copied the path.");
        }
    }

    /** What the last copy did, empty until one and after the selection changes. */
    public ReadOnlyStringProperty copyStatusProperty() {
        return copyStatus.getReadOnlyProperty();
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** "1,234 calls · 3 failed · 12 shown". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** One subscription to one log. Replaced as a whole on reconnect, so late calls of an old log go nowhere. */
    private final class Feed {
        private final ConcurrentLinkedQueue<GraphCall> arrived = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();
        private final Runnable unsubscribe;
        /** Calls that were both in the snapshot and delivered to the listener; shown once. */
        private final Set<GraphCall> inSnapshot = Collections.newSetFromMap(new IdentityHashMap<>());

        Feed(CallLog log) {
            // subscribe before the snapshot so no call falls between them; duplicates are dropped on flush
            unsubscribe = log.subscribe(this::arrive);
            List<GraphCall> snapshot = log.snapshot();
            inSnapshot.addAll(snapshot);
            List<GraphCall> newestFirst = new ArrayList<>(snapshot);
            Collections.reverse(newestFirst);
            calls.setAll(newestFirst.subList(0, Math.min(capacity, newestFirst.size())));
            refreshSummary();
        }

        /** Any thread. */
        private void arrive(GraphCall call) {
            arrived.add(call);
            if (flushScheduled.compareAndSet(false, true)) {
                runner.schedule(BATCH_DELAY, this::flush);
            }
        }

        /** UI thread. */
        private void flush() {
            flushScheduled.set(false);
            if (feed != this) {
                return;
            }
            List<GraphCall> batch = new ArrayList<>();
            for (GraphCall call; (call = arrived.poll()) != null; ) {
                if (!inSnapshot.remove(call)) {
                    batch.add(call);
                }
            }
            Collections.reverse(batch);
            inSnapshot.clear();
            if (batch.isEmpty()) {
                return;
            }
            if (batch.size() > capacity) {
                batch = batch.subList(0, capacity);
            }
            int overflow = calls.size() + batch.size() - capacity;
            if (overflow > 0) {
                calls.remove(calls.size() - overflow, calls.size());
            }
            calls.addAll(0, batch);
            refreshSummary();
        }

        private void close() {
            unsubscribe.run();
        }
    }
}
