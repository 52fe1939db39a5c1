package ladder.webapp.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import ladder.webapp.api.RefusedRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code POST /api/backup} (admins): a consistent backup of the embedded H2 database while the app runs,
 * as a zip, made by H2's own {@code BACKUP TO}. On PostgreSQL the answer is 409 with the {@code pg_dump}
 * way (docs/operations.md): the database server backs itself up better than the app could.
 */
@RestController
@RequestMapping("/api/backup")
class BackupApiController {

    private static final Logger LOG = LoggerFactory.getLogger(BackupApiController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Clock clock;

    BackupApiController(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The database is not the embedded H2, which is the only one this endpoint backs up (HTTP 409). */
    static final class BackupConflictException extends RefusedRequestException {
        BackupConflictException(String database) {
            super(HttpStatus.CONFLICT, "the database is " + database + ", not the embedded H2: back it up with pg_dump "
                    + "(see docs/operations.md, 'Backup and restore')");
        }
    }

    @PostMapping(produces = "application/zip")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StreamingResponseBody> backup() throws SQLException, IOException {
        Path directory = Files.createTempDirectory("ladder-backup-");
        Path zip = directory.resolve("ladder-backup.zip");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String database = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equals(database)) {
                Files.delete(directory);
                throw new BackupConflictException(database);
            }
            // the path is made here, never taken from the request
            statement.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        }
        long size = Files.size(zip);
        LOG.info("Backup of the embedded database written: {} bytes", size);
        StreamingResponseBody body = out -> {
            try (InputStream in = Files.newInputStream(zip)) {
                in.transferTo(out);
            } finally {
                Files.deleteIfExists(zip);
                Files.deleteIfExists(directory);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip")).contentLength(size)
                .header("Content-Disposition", "attachment; filename=\"ladder-backup-" + STAMP.format(clock.instant()) + ".zip\"")
                .body(body);
    }
}
