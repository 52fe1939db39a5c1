package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded default: an H2 file database under the data directory, which is created when missing. */
@SpringBootTest(properties = {
        "ladder.data-dir=target/data-dir-test/not/yet/there",
        "spring.datasource.url=jdbc:h2:file:${ladder.data-path}/ladder;DB_CLOSE_ON_EXIT=FALSE"})
class DataDirectoryTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void the_data_directory_is_created_and_holds_the_h2_file_database() {
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(1);
        Path directory = Path.of("target/data-dir-test/not/yet/there");
        assertThat(directory).isDirectory();
        assertThat(Files.exists(directory.resolve("ladder.mv.db"))).isTrue();
    }

    @Test
    void only_the_owner_may_enter_the_data_directory_so_nobody_else_reads_the_database_file() throws Exception {
        Path directory = Path.of("target/data-dir-test/not/yet/there");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }
}
