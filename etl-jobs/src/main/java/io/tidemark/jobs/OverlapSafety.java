package io.tidemark.jobs;

/**
 * What keeps two processes on the same tables from losing rows: the tables' leases (prevent) and the publish
 * check (detect). Production runs use {@link #FULL}; the other values exist only so that tests can show the race
 * their scenario provokes, with one or both guards off.
 */
public enum OverlapSafety {
    FULL(true, true),
    /** Test only: no leases, so two runs merge at the same time; the publish check must catch it. */
    PUBLISH_CHECK_ONLY(false, true),
    /** Test only: neither guard; the defect they fix (a partition published over another run's) shows. */
    NONE(false, false);

    private final boolean leases;
    private final boolean publishCheck;

    OverlapSafety(boolean leases, boolean publishCheck) {
        this.leases = leases;
        this.publishCheck = publishCheck;
    }

    public boolean leases() {
        return leases;
    }

    public boolean publishCheck() {
        return publishCheck;
    }
}
