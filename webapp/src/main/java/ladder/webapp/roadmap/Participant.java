package ladder.webapp.roadmap;

import org.jspecify.annotations.Nullable;

/**
 * A goal's participant: the handle from the DOT and, when an account has that handle, its display name.
 */
public record Participant(String handle, @Nullable String displayName) {

    public boolean isLinked() {
        return displayName != null;
    }

    /** "Ada Lovelace (@ada)" when linked, else the handle. */
    public String label() {
        return displayName == null ? handle : displayName + " (" + handle + ")";
    }
}
