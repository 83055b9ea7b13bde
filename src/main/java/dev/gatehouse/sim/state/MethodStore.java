package dev.gatehouse.sim.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Users' authentication methods. Scenario users have theirs stored; users of a generated large tenant get
 * theirs computed on demand from a deterministic generator, and stored only once something changes them,
 * so a 100,000-user tenant costs no memory for methods nobody looked at.
 */
public final class MethodStore {

    private final Map<String, List<SimMethod>> stored = new HashMap<>();
    private final Function<String, List<SimMethod>> generator;

    /** @param generator methods of a user the store holds nothing for (by user id); empty list when none */
    public MethodStore(Function<String, List<SimMethod>> generator) {
        this.generator = generator;
    }

    public static MethodStore storedOnly() {
        return new MethodStore(userId -> List.of());
    }

    public List<SimMethod> list(String userId) {
        List<SimMethod> methods = stored.get(userId);
        return methods != null ? List.copyOf(methods) : generator.apply(userId);
    }

    public Optional<SimMethod> find(String userId, String methodId) {
        return list(userId).stream().filter(m -> m.id().equalsIgnoreCase(methodId)).findFirst();
    }

    /** The user's methods as a list the caller may change (under the state's write lock). */
    public List<SimMethod> editable(String userId) {
        return stored.computeIfAbsent(userId, id -> new ArrayList<>(generator.apply(id)));
    }

    public void put(String userId, List<SimMethod> methods) {
        stored.put(userId, new ArrayList<>(methods));
    }

    public void remove(String userId) {
        stored.put(userId, new ArrayList<>());
    }
}
