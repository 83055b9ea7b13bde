package dev.gatehouse.ui.common;

import dev.gatehouse.domain.method.MethodType;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The icon for each thing the UI draws one for, so a method type looks the same everywhere. Only the two
 * outlined Material 2 fonts are used: each further icon font is another file to load before the first frame.
 */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static FontIcon method(MethodType type) {
        FontIcon icon = of(switch (type) {
            case PASSWORD -> Material2OutlinedAL.LOCK;
            case PHONE -> Material2OutlinedMZ.PHONE;
            case EMAIL -> Material2OutlinedAL.EMAIL;
            case FIDO2 -> Material2OutlinedMZ.VPN_KEY;
            case MICROSOFT_AUTHENTICATOR -> Material2OutlinedMZ.PHONELINK_LOCK;
            case SOFTWARE_OATH -> Material2OutlinedMZ.TIMER;
            case TEMPORARY_ACCESS_PASS -> Material2OutlinedAL.HOURGLASS_TOP;
            case WINDOWS_HELLO_FOR_BUSINESS -> Material2OutlinedAL.FACE;
            case PLATFORM_CREDENTIAL -> Material2OutlinedAL.LAPTOP_MAC;
            case EXTERNAL -> Material2OutlinedAL.EXTENSION;
            case QR_CODE_PIN -> Material2OutlinedMZ.QR_CODE;
            case HARDWARE_OATH -> Material2OutlinedMZ.USB;
            case UNKNOWN -> Material2OutlinedAL.HELP_OUTLINE;
        });
        icon.getStyleClass().add("method-icon");
        return icon;
    }

    public static FontIcon phishingResistant() {
        return of(Material2OutlinedMZ.VERIFIED_USER);
    }

    public static FontIcon recentlyAdded() {
        return of(Material2OutlinedMZ.NEW_RELEASES);
    }

    public static FontIcon error() {
        return of(Material2OutlinedAL.ERROR_OUTLINE);
    }
}
