package dev.gatehouse.ui.users;

/** One labelled fact in the user profile, with how loudly the view should show it. */
public record ProfileFact(String label, String value, Tone tone) {

    public enum Tone { NORMAL, GOOD, WARNING, DANGER }
}
