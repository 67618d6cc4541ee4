package io.tidemark.aws;

import java.nio.file.Path;

/** {@link AwsPathOnMotoScenario} on {@code local[2]}: the driver and its tasks in one JVM. */
class AwsPathOnMotoEndToEndTest extends AwsPathOnMotoScenario {
    @Override
    protected String sparkMaster(Path workdir) {
        return "local[2]";
    }
}
