package ladder.webapp.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any {@code /api/...} path that no endpoint serves answers a JSON 404. Without it, Vaadin's catch-all
 * mapping would answer with the app's HTML page. The most specific mapping wins, so this one only takes what
 * no endpoint does.
 */
@RestController
class UnknownApiPath {

    @RequestMapping("/api/**")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<ApiError> none() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("no such resource"));
    }
}
