package ladder.webapp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** The body of every REST error answer: what went wrong, and where in the input when that is known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable Integer line, @Nullable Integer column) {

    public static ApiError of(String error) {
        return new ApiError(error, null, null);
    }
}
