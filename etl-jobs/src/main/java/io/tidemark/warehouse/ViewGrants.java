package io.tidemark.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The privileges others hold on a view (QuickSight's role, analysts), read before the view is dropped to be
 * recreated and granted again after, so a changed view definition keeps its grants. The owner's own privileges are
 * left out: the recreated view is owned by whoever recreates it.
 */
final class ViewGrants {
    private static final Set<String> PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
            "REFERENCES", "TRIGGER", "RULE");

    private final String view;
    private final List<String> grants;

    private ViewGrants(String view, List<String> grants) {
        this.view = view;
        this.grants = grants;
    }

    /** The grants on {@code schema.view} (both validated identifiers); none if the view does not exist. */
    static ViewGrants of(Connection connection, String schema, String view) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT grantee, privilege_type, is_grantable "
                + "FROM information_schema.table_privileges WHERE table_schema = ? AND table_name = ? "
                + "AND grantee <> current_user ORDER BY grantee, privilege_type")) {
            query.setString(1, schema);
            query.setString(2, view);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String privilege = rows.getString(2).toUpperCase(Locale.ROOT);
                    if (!PRIVILEGES.contains(privilege)) {
                        throw new SQLException("Cannot keep the grants of " + schema + "." + view + ": unknown privilege '"
                                + privilege + "'");
                    }
                    grants.add("GRANT " + privilege + " ON " + schema + "." + view + " TO " + grantee(rows.getString(1))
                            + ("YES".equalsIgnoreCase(rows.getString(3)) ? " WITH GRANT OPTION" : ""));
                }
            }
        }
        return new ViewGrants(schema + "." + view, List.copyOf(grants));
    }

    /** Grants again what was granted on the view. */
    void restore(Statement statement) throws SQLException {
        for (String grant : grants) {
            statement.execute(grant);
        }
    }

    @Override
    public String toString() {
        return view + " " + grants;
    }

    /** A role name from the catalog, as a quoted identifier (PUBLIC is a keyword, not a role). */
    private static String grantee(String name) {
        return "PUBLIC".equalsIgnoreCase(name) ? "PUBLIC" : '"' + name.replace("\"", "\"\"") + '"';
    }
}
