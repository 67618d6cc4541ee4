package io.tidemark.lake;

/** The areas of the lake, each a top folder under the lake root holding its tables. */
public enum LakeArea {
    /** The curated datasets, one table per dataset. */
    CURATED("curated"),
    /** The quarantined records, one table per job. */
    QUARANTINE("quarantine");

    private final String folder;

    LakeArea(String folder) {
        this.folder = folder;
    }

    /** The folder under the lake root, e.g. {@code curated}. */
    public String folder() {
        return folder;
    }
}
