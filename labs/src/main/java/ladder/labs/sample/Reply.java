package ladder.labs.sample;

import java.util.Map;

/** What an endpoint answers: status, content type and body. */
record Reply(int status, String contentType, String body) {

    /** {@code value} written as JSON by Jackson. */
    static Reply json(int status, Object value) {
        return new Reply(status, "application/json", Json.write(value));
    }

    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }
}
