package dev.gatehouse.ui.breakglass;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;

/**
 * One observable that fires on every change of any of its dependencies. A binding nobody reads fires its invalidation
 * listeners only once (JavaFX evaluates lazily), so this one reads itself each time, and a form's second edit plans
 * again like its first.
 */
final class Changes {

    private Changes() {
    }

    static Observable of(Observable... dependencies) {
        ObjectBinding<Object> binding = Bindings.createObjectBinding(Object::new, dependencies);
        binding.addListener(obs -> binding.get());
        return binding;
    }
}
