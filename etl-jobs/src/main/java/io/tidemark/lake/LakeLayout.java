package io.tidemark.lake;

/**
 * Where things live in the lake. A dataset's partition versions are written under
 * {@code <root>/<area>/<table>/v-<run id>/<partition path>/}; the catalog points each partition at one version.
 * Version folders never start with '_' or '.', which Hive's reader would treat as hidden.
 */
public record LakeLayout(String lakeRoot) {
    public String tableRoot(LakeArea area, String table) {
        return lakeRoot + "/" + area.folder() + "/" + table;
    }

    public String versionRoot(LakeArea area, String table, String runId) {
        return tableRoot(area, table) + "/v-" + runId;
    }
}
