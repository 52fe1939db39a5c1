package ladder.labs.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ladder.model.lab.LabPlaceholders;

/** Copies lab files into a workspace and renders the workspace's placeholders into a second folder. */
public final class LabWorkspace {

    private static final long MAX_RENDERED_FILE = 4 * 1024 * 1024;

    private LabWorkspace() {}

    /**
     * Copies every file under {@code source} into {@code workspace} at the same relative path.
     *
     * @throws WorkspacePaths.UnsafePathException for a symbolic link in the source or a path leaving the workspace
     */
    public static void copyInto(Path source, Path workspace) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        for (Path file : walk(source)) {
            String relative = relative(source, file);
            if (Files.isSymbolicLink(file)) {
                throw new WorkspacePaths.UnsafePathException("'" + relative + "' is a symbolic link; only plain files are copied");
            }
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Path target = WorkspacePaths.resolve(workspace, relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Renders every file of the workspace into {@code rendered}: text files with their component
     * placeholders replaced, other files as they are; files no longer in the workspace are removed.
     *
     * @throws IllegalArgumentException naming the file and the placeholder that names no component
     */
    public static void render(Path workspace, Path rendered, Map<String, Integer> ports) throws IOException {
        Files.createDirectories(rendered);
        Set<String> written = new HashSet<>();
        for (Path file : walk(workspace)) {
            String relative = relative(workspace, file);
            if (Files.isSymbolicLink(file)) {
                WorkspacePaths.resolve(workspace, relative); // refuses links that point outside
            }
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Path target = rendered.resolve(relative).normalize();
            Files.createDirectories(target.getParent());
            byte[] content = Files.readAllBytes(WorkspacePaths.resolve(workspace, relative));
            String text = content.length <= MAX_RENDERED_FILE ? decode(content) : null;
            if (text != null) {
                try {
                    content = LabPlaceholders.renderComponents(text, ports).getBytes(StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(relative + ": " + e.getMessage(), e);
                }
            }
            // write beside and move, so that a component reading the file never sees half of it
            Path temporary = target.resolveSibling("." + target.getFileName() + ".rendering");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(relative);
        }
        for (Path file : walk(rendered)) {
            if (Files.isRegularFile(file) && !written.contains(relative(rendered, file))) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> walk(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !path.equals(root)).sorted().toList();
        }
    }

    private static @org.jspecify.annotations.Nullable String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
