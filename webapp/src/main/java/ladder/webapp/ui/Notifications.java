package ladder.webapp.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The app's four kinds of notification, so every view tells the same thing the same way: done (top, short),
 * a note (bottom, short), a conflict the user should read (middle, longer) and a refusal (middle, longest).
 * The message is set as text, never as HTML.
 */
public final class Notifications {

    private Notifications() {
    }

    /** Something the user asked for was done. */
    public static Notification success(String message) {
        return show(message, 3000, Notification.Position.TOP_CENTER, NotificationVariant.LUMO_SUCCESS);
    }

    /** A side note: saved but not applied, already gone. */
    public static Notification info(String message) {
        return Notification.show(message, 3000, Notification.Position.BOTTOM_START);
    }

    /** Someone else got there first: the view reloads, the user reads why. */
    public static Notification warning(String message) {
        return show(message, 6000, Notification.Position.MIDDLE, NotificationVariant.LUMO_WARNING);
    }

    /** The request was refused; the message says why. */
    public static Notification error(String message) {
        return show(message, 8000, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR);
    }

    private static Notification show(String message, int millis, Notification.Position position,
            NotificationVariant variant) {
        Notification notification = Notification.show(message, millis, position);
        notification.addThemeVariants(variant);
        return notification;
    }
}
