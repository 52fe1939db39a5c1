package ladder.labs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckStatus;

/**
 * Which tier of its hint each check of a session has reached. A check's first failure shows the first tier (the
 * concept, where to look); each later failure after the learner changed the workspace shows the next one; failing
 * again without an edit shows the same tier again, so clicking Check twice teaches nothing new and gives nothing
 * away. The answer is never a tier: it is given only when asked for.
 *
 * <p>Kept per session object and forgotten with it (weakly held), so a stopped session leaves nothing behind; a
 * restart of the app starts every check at the first tier again.
 */
final class HintTiers {

    /** A check's last failure: the tier it showed, and the workspace it failed on. */
    private record Failure(int tier, String workspace) {
    }

    private final Map<LabSession, Map<String, Failure>> sessions = Collections.synchronizedMap(new WeakHashMap<>());

    /** Starts a run: the workspace as it is now is what each failure of this run failed on. */
    Run begin(LabSession session) {
        return new Run(sessions.computeIfAbsent(session, ignored -> Collections.synchronizedMap(new HashMap<>())),
                fingerprint(session.workspace()));
    }

    /** One run of checks of one session. */
    static final class Run {

        private final Map<String, Failure> failures;
        private final String workspace;

        private Run(Map<String, Failure> failures, String workspace) {
            this.failures = failures;
            this.workspace = workspace;
        }

        /**
         * The result with the hint at the check's tier, counting a failure; with the answer when {@code answers}
         * and the check did not pass.
         */
        CheckResult apply(CheckSpec check, CheckResult result, boolean answers) {
            int tier = switch (result.status()) {
                case PASS -> 0;
                case SKIPPED -> {
                    Failure last = failures.get(check.id()); // not a failure of its own: shown as it was
                    yield last == null ? 0 : last.tier();
                }
                case FAIL, ERROR -> failures.compute(check.id(), (id, last) -> last == null
                        ? new Failure(0, workspace)
                        : last.workspace().equals(workspace) ? last
                        : new Failure(Math.min(last.tier() + 1, check.hintTiers() - 1), workspace)).tier();
            };
            String answer = answers && result.status() != CheckStatus.PASS ? check.answer() : null;
            return result.withHint(tier, check.hint(tier), answer);
        }
    }

    /** SHA-256 over the workspace's files, their paths and contents, in path order. */
    static String fingerprint(Path workspace) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        if (!Files.isDirectory(workspace)) {
            return "";
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(workspace)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace " + workspace, e);
        }
        for (Path file : files) {
            digest.update(workspace.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try {
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                digest.update(("unreadable: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
