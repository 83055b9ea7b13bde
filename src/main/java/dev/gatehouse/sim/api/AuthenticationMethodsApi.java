package dev.gatehouse.sim.api;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.sim.http.ApiCall;
import dev.gatehouse.sim.http.Router;
import dev.gatehouse.sim.odata.Reply;
import dev.gatehouse.sim.state.SimMethod;
import dev.gatehouse.sim.state.SimUser;
import dev.gatehouse.sim.wire.GraphException;

import java.util.List;
import java.util.Map;

/**
 * A user's authentication methods: {@code /users/{id}/authentication/methods[/{id}]} and every v1.0
 * per-type collection ({@code fido2Methods}, {@code phoneMethods}, …) with list and get. Reading another
 * user's methods needs a role from {@link dev.gatehouse.sim.access.RoleRules}; otherwise Graph's
 * {@code 403 accessDenied}.
 */
public final class AuthenticationMethodsApi {

    static final String BASE = "/users/{userId}/authentication/";

    private AuthenticationMethodsApi() {
    }

    public static void register(Router router) {
        router.get(BASE + "methods", AuthenticationMethodsApi::listAll)
                .get(BASE + "methods/{methodId}", AuthenticationMethodsApi::getAny);
        for (MethodType type : MethodType.values()) {
            type.collection().ifPresent(collection -> router
                    .get(BASE + collection, call -> listOfType(call, type))
                    .get(BASE + collection + "/{methodId}", call -> getOfType(call, type)));
        }
    }

    private static Reply listAll(ApiCall call) {
        SimUser user = readableUser(call);
        List<SimMethod> methods = served(call, user);
        return new Reply.Collection<>(shapes(call, user).base(), methods, MethodShapes.BASE_TYPE,
                context(user, "methods"), null, false, Map.of());
    }

    private static Reply getAny(ApiCall call) {
        SimUser user = readableUser(call);
        SimMethod method = find(call, user, null);
        return new Reply.Entity<>(shapes(call, user).base(), method, MethodShapes.BASE_TYPE, context(user, "methods"),
                Map.of());
    }

    private static Reply listOfType(ApiCall call, MethodType type) {
        SimUser user = readableUser(call);
        List<SimMethod> methods = served(call, user).stream().filter(m -> m.type() == type).toList();
        return new Reply.Collection<>(shapes(call, user).of(type), methods, context(user, type.collection().orElseThrow()),
                null);
    }

    private static Reply getOfType(ApiCall call, MethodType type) {
        SimUser user = readableUser(call);
        SimMethod method = find(call, user, type);
        return new Reply.Entity<>(shapes(call, user).of(type), method, context(user, type.collection().orElseThrow()));
    }

    static SimUser readableUser(ApiCall call) {
        SimUser user = call.user("userId");
        if (!call.rules().canReadAuthenticationMethods(call.actor(), user)) {
            throw GraphException.accessDenied();
        }
        return user;
    }

    static List<SimMethod> served(ApiCall call, SimUser user) {
        return call.state().methods().list(user.id()).stream().filter(m -> MethodShapes.servedInV1(m.type())).toList();
    }

    private static SimMethod find(ApiCall call, SimUser user, MethodType type) {
        String methodId = call.path("methodId");
        return served(call, user).stream()
                .filter(m -> m.id().equalsIgnoreCase(methodId) && (type == null || m.type() == type))
                .findFirst()
                .orElseThrow(() -> GraphException.itemNotFound("authentication method", methodId));
    }

    static MethodShapes shapes(ApiCall call, SimUser user) {
        return new MethodShapes(call.state(), call.rules().seesMaskedPhoneNumbers(call.actor(), user));
    }

    static String context(SimUser user, String collection) {
        return "users('" + user.id() + "')/authentication/" + collection;
    }
}
