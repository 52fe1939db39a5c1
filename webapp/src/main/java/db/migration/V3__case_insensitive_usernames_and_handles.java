package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.LoggerFactory;

/**
 * Makes usernames and handles unique ignoring case, on H2 and PostgreSQL alike: a lower-cased key column
 * beside each, with a unique constraint (H2 has no index on an expression). Accounts that already differ only
 * in case stop the migration with every clash named, so an admin can rename them with the previous version
 * and start again; nothing is renamed behind anyone's back. In Java rather than SQL for that message.
 */
public class V3__case_insensitive_usernames_and_handles extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> clashes = new ArrayList<>();
        clashes.addAll(clashes(connection, "username"));
        clashes.addAll(clashes(connection, "handle"));
        if (!clashes.isEmpty()) {
            String message = "Ladder makes usernames and handles unique ignoring case, and these accounts "
                    + "differ only in case: " + String.join("; ", clashes) + ". Rename all but one of each group "
                    + "(with the previous version of Ladder, or in SQL: update account set handle = '@new' "
                    + "where username = '...'), then start Ladder again.";
            LoggerFactory.getLogger(V3__case_insensitive_usernames_and_handles.class).error(message);
            throw new FlywayException(message);
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table account add column username_key varchar(64)");
            sql.execute("alter table account add column handle_key varchar(64)");
            sql.execute("update account set username_key = lower(username), handle_key = lower(handle)");
            sql.execute("alter table account alter column username_key set not null");
            sql.execute("alter table account alter column handle_key set not null");
            sql.execute("alter table account add constraint account_username_key_unique unique (username_key)");
            sql.execute("alter table account add constraint account_handle_key_unique unique (handle_key)");
        }
    }

    /** Groups of values of {@code column} that are equal ignoring case, as "@ada (ada), @Ada (ada2)". */
    private static List<String> clashes(Connection connection, String column) throws SQLException {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select " + column + ", username from account order by id")) {
            while (rows.next()) {
                String value = rows.getString(1);
                byKey.computeIfAbsent(value.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                        .add(column.equals("username") ? value : value + " (" + rows.getString(2) + ")");
            }
        }
        return byKey.values().stream().filter(group -> group.size() > 1)
                .map(group -> column + "s " + String.join(", ", group)).toList();
    }
}
