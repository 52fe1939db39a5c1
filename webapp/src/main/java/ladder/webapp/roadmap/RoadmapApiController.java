package ladder.webapp.roadmap;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import ladder.model.roadmap.DotImportException;
import ladder.model.roadmap.DotImporter;
import ladder.model.roadmap.DotText;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.AccountService;
import java.security.Principal;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/roadmaps} as in DESIGN.md: everyone signed in reads; mentors and admins create and
 * replace; a learner may PATCH the status of a goal they take part in. DOT bodies are read up to
 * 1 MiB and refused beyond it (413) before anything is parsed.
 */
@RestController
@RequestMapping("/api/roadmaps")
class RoadmapApiController {

    static final String DOT_MEDIA_TYPE = "text/vnd.graphviz";

    /** {@code damage} only for a roadmap whose stored DOT no longer reads (see {@link DamagedRoadmapException}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RoadmapJson(long id, String name, int goals, int dependencies, @Nullable String damage) {
        static RoadmapJson of(RoadmapSummary summary) {
            return new RoadmapJson(summary.id(), summary.name(), summary.goals(), summary.dependencies(), summary.damage());
        }
    }

    /** PATCH body; {@code version} is optional: the goal version read before, for a 409 on stale edits. */
    record GoalPatch(@Nullable String status, @Nullable List<String> participants, @Nullable Long version) {
    }

    record GoalJson(String id, String title, String status, List<String> participants, long version) {
    }

    private final RoadmapService roadmaps;
    private final AccountService accounts;

    RoadmapApiController(RoadmapService roadmaps, AccountService accounts) {
        this.roadmaps = roadmaps;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<RoadmapJson> list() {
        return roadmaps.list().stream().map(RoadmapJson::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('MENTOR','ADMIN')")
    ResponseEntity<RoadmapJson> create(@RequestParam String name, HttpServletRequest request, Principal principal)
            throws IOException {
        RoadmapSnapshot created = roadmaps.create(name, body(request), actor(principal));
        return ResponseEntity.created(URI.create("/api/roadmaps/" + created.id())).body(RoadmapJson.of(created.summary()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('MENTOR','ADMIN')")
    RoadmapJson replace(@PathVariable long id, HttpServletRequest request, Principal principal) throws IOException {
        String dot = body(request);
        return RoadmapJson.of(roadmaps.replace(id, dot, null, actor(principal)).summary());
    }

    @GetMapping("/{id}/export/{format}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> export(@PathVariable long id, @PathVariable String format) {
        ExportFormat chosen = ExportFormat.parse(format);
        RoadmapService.Exported exported = roadmaps.exported(id, chosen);
        byte[] body = exported.file(); // the SVG's bytes encoded once per drawing, not on every request
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName(exported.name()) + "." + chosen.extension() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "script-src 'none'")
                .body(body);
    }

    /** Puts a damaged roadmap back to its newest kept revision that reads. */
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('MENTOR','ADMIN')")
    RoadmapJson restore(@PathVariable long id, Principal principal) {
        return RoadmapJson.of(roadmaps.restore(id, actor(principal)).summary());
    }

    @PatchMapping("/{id}/goals/{goalId}")
    @PreAuthorize("isAuthenticated()")
    GoalJson patchGoal(@PathVariable long id, @PathVariable String goalId, @RequestBody GoalPatch patch,
            Principal principal) {
        GoalStatus status = null;
        if (patch.status() != null) {
            status = GoalStatus.fromDotName(patch.status()).orElseThrow(() -> new RoadmapException(
                    "unknown status '" + patch.status() + "': use " + GoalStatus.allowedNames()));
        }
        if (status == null && patch.participants() == null) {
            throw new RoadmapException("nothing to change: give status and/or participants");
        }
        RoadmapSnapshot after = roadmaps.changeGoal(id, goalId, new GoalEdit(null, null, status, patch.participants()),
                patch.version(), actor(principal));
        var goal = after.roadmap().goal(goalId).orElseThrow();
        return new GoalJson(goal.id(), goal.title(), goal.status().dotName(), goal.participants(), after.goalVersion(goalId));
    }

    /** The account of the request's principal (as the filter chain authenticated it, not a JVM-wide holder). */
    private AccountView actor(Principal principal) {
        return accounts.find(principal.getName())
                .orElseThrow(() -> new RoadmapAccessDeniedException("only people with an account may do this"));
    }

    /** The body as text, read up to the importer's limit: a larger body is refused without reading it all. */
    private static String body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > DotImporter.MAX_BYTES) {
            throw new RoadmapTooLargeException("the DOT text is larger than 1 MiB (" + request.getContentLengthLong() + " bytes)");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(DotImporter.MAX_BYTES + 1);
        }
        if (bytes.length > DotImporter.MAX_BYTES) {
            throw new RoadmapTooLargeException("the DOT text is larger than 1 MiB");
        }
        try {
            return DotText.decode(bytes); // UTF-8, or the charset the graph declares (charset=latin1)
        } catch (DotImportException e) {
            throw RoadmapException.of(e);
        }
    }

    private static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "roadmap" : safe;
    }
}
