package dev.gatehouse.domain.activity;

/** PowerShell quoting: single quotes, in which {@code $} stays literal ({@code $select} is not a variable). */
final class PowerShell {

    private PowerShell() {
    }

    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
