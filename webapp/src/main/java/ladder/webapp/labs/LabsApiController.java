package ladder.webapp.labs;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.ToolResult;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.api.ApiError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Labs over HTTP Basic: the catalog, sessions, workspace files, apply, checks and stop. Roles are checked
 * here; whose session it is, in {@link LabService} (another learner's session answers 404).
 */
@RestController
@RequestMapping("/api/labs")
@PreAuthorize("hasAnyRole('LEARNER','MENTOR','ADMIN')")
class LabsApiController {

    private final LabService labs;
    private final CurrentUser currentUser;

    LabsApiController(LabService labs, CurrentUser currentUser) {
        this.labs = labs;
        this.currentUser = currentUser;
    }

    record LabJson(String id, String title, String summary, List<String> topics, String rung, String timeLimit,
            List<String> runtimes, boolean runnableHere, List<String> missing, List<String> whyNot, String status,
            @Nullable Instant passedAt, int attempts) {
        static LabJson of(LabEntry lab) {
            return new LabJson(lab.id(), lab.title(), lab.summary(), lab.topics(), lab.rung().id(),
                    lab.timeLimit().toString(), List.of(lab.runtime()), lab.runnableHere(), lab.missing(),
                    lab.whyNot(), lab.status(), lab.passedAt(), lab.attempts());
        }
    }

    record StartedJson(String sessionId, String state) {
    }

    record SessionJson(String sessionId, String labId, String owner, String state, String message,
            List<LabSessionInfo.Component> components, Instant startedAt, Instant expiresAt,
            @Nullable Instant endedAt) {
        static SessionJson of(LabSessionInfo session) {
            return new SessionJson(session.id(), session.labId(), session.owner(), session.state().apiName(),
                    session.message(), session.components(), session.startedAt(), session.expiresAt(),
                    session.endedAt());
        }
    }

    record ValidationJson(String command, boolean valid, int exitCode, String output, @Nullable Integer line) {
        static ValidationJson of(ToolResult result) {
            return new ValidationJson(result.command(), result.valid(), result.exitCode(), result.output(),
                    ValidationLine.of(result.output()));
        }
    }

    record ApplyJson(boolean applied, String message, List<ValidationJson> validations) {
        static ApplyJson of(ApplyResult result) {
            return new ApplyJson(result.applied(), result.message(),
                    result.validations().stream().map(ValidationJson::of).toList());
        }
    }

    record CheckJson(String id, String status, String description, String message, String expected, String hint,
            long durationMs) {
        static CheckJson of(LabCheck check) {
            return new CheckJson(check.id(), check.status().name().toLowerCase(Locale.ROOT),
                    check.description(), check.observed(), check.expected(), check.passed() ? "" : check.hint(),
                    check.durationMs());
        }
    }

    record ChecksJson(boolean passed, long durationMs, List<CheckJson> checks) {
    }

    record AnswerJson(String id, String answer) {
    }

    @GetMapping
    List<LabJson> catalog() {
        return labs.catalog(currentUser.require()).stream().map(LabJson::of).toList();
    }

    @PostMapping("/{labId}/sessions")
    ResponseEntity<StartedJson> start(@PathVariable String labId) {
        LabSessionInfo session = labs.start(currentUser.require(), labId);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/labs/sessions/" + session.id())
                .body(new StartedJson(session.id(), session.state().apiName()));
    }

    @GetMapping("/sessions")
    List<SessionJson> sessions() {
        return labs.sessions(currentUser.require()).stream().map(SessionJson::of).toList();
    }

    @GetMapping("/sessions/{sessionId}")
    SessionJson session(@PathVariable String sessionId) {
        return SessionJson.of(labs.session(currentUser.require(), sessionId));
    }

    @DeleteMapping("/sessions/{sessionId}")
    SessionJson stop(@PathVariable String sessionId) {
        return SessionJson.of(labs.stop(currentUser.require(), sessionId));
    }

    @GetMapping("/sessions/{sessionId}/files")
    List<String> files(@PathVariable String sessionId) {
        return labs.files(currentUser.require(), sessionId);
    }

    @GetMapping(value = "/sessions/{sessionId}/files/{*path}", produces = MediaType.TEXT_PLAIN_VALUE)
    String readFile(@PathVariable String sessionId, @PathVariable String path) {
        return labs.readFile(currentUser.require(), sessionId, relative(path));
    }

    @PutMapping("/sessions/{sessionId}/files/{*path}")
    ResponseEntity<?> writeFile(@PathVariable String sessionId, @PathVariable String path,
            HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || type.startsWith("multipart/")) {
            // the servlet container reads such a body as form fields: the file would arrive empty
            return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiError.of("send the file's text as the "
                    + "body with Content-Type text/plain (curl: -H 'Content-Type: text/plain' --data-binary @file), not as a form"));
        }
        byte[] body = request.getInputStream().readNBytes((int) LabService.MAX_FILE_BYTES + 1);
        if (body.length > LabService.MAX_FILE_BYTES) {
            throw new LabException(LabException.Kind.TOO_LARGE, "a workspace file may hold at most "
                    + LabService.MAX_FILE_BYTES / 1024 + " KiB");
        }
        labs.writeFile(currentUser.require(), sessionId, relative(path), new String(body, StandardCharsets.UTF_8));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sessions/{sessionId}/apply")
    ApplyJson apply(@PathVariable String sessionId) {
        return ApplyJson.of(labs.apply(currentUser.require(), sessionId));
    }

    @PostMapping("/sessions/{sessionId}/checks")
    ChecksJson checks(@PathVariable String sessionId) {
        LabCheckRun run = labs.runChecks(currentUser.require(), sessionId, check -> { });
        return new ChecksJson(run.passed(), run.durationMs(), run.checks().stream().map(CheckJson::of).toList());
    }

    /**
     * The full answer of a check that did not pass in the session's latest run, for its owner only; a check's
     * {@code hint} in the run's results carries the tier it reached, never the answer.
     */
    @GetMapping("/sessions/{sessionId}/checks/{checkId}/answer")
    AnswerJson answer(@PathVariable String sessionId, @PathVariable String checkId) {
        return new AnswerJson(checkId, labs.answer(currentUser.require(), sessionId, checkId));
    }

    /** {*path} captures with its leading '/'. */
    private static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
