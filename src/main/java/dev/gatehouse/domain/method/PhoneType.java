package dev.gatehouse.domain.method;

import java.util.Arrays;
import java.util.Optional;

/**
 * Graph's {@code phoneType} of a phone method. A user holds at most one number of each type
 * (phoneAuthenticationMethod), which is what lets an audit entry naming the type date exactly one phone.
 */
public enum PhoneType {
    MOBILE("mobile", "Mobile"),
    ALTERNATE_MOBILE("alternateMobile", "Alternate mobile"),
    OFFICE("office", "Office");

    /** The {@link AuthMethod#details()} label under which a phone's type is shown. */
    public static final String DETAIL = "Phone type";

    private final String graphValue;
    private final String label;

    PhoneType(String graphValue, String label) {
        this.graphValue = graphValue;
        this.label = label;
    }

    public String graphValue() {
        return graphValue;
    }

    public String label() {
        return label;
    }

    /** From Graph's value ({@code alternateMobile}) or the label shown for it ("Alternate mobile"). */
    public static Optional<PhoneType> parse(String text) {
        return Arrays.stream(values())
                .filter(t -> t.graphValue.equalsIgnoreCase(text) || t.label.equalsIgnoreCase(text))
                .findFirst();
    }

    /** The phone's type; empty for other methods and for a phone whose type Graph did not say. */
    public static Optional<PhoneType> of(AuthMethod method) {
        if (method.type() != MethodType.PHONE || method.detail(DETAIL) == null) {
            return Optional.empty();
        }
        return parse(method.detail(DETAIL));
    }
}
