package dev.gatehouse.domain.journal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataFolderTest {

    @Test
    void gatehouseDataDirChoosesTheFolderUnlessATestPinnedOne() {
        String pinned = System.getProperty("gatehouse.dataDir");
        try {
            System.clearProperty("gatehouse.dataDir");
            assertThat(DataFolder.resolve(name -> name.equals(DataFolder.ENVIRONMENT_VARIABLE) ? "/srv/training/run-2"
                    : null)).isEqualTo(Path.of("/srv/training/run-2"));
            assertThat(DataFolder.resolve(name -> null).getFileName().toString()).isIn("gatehouse", "Gatehouse");

            System.setProperty("gatehouse.dataDir", "/tmp/pinned");
            assertThat(DataFolder.resolve(name -> "/srv/training/run-2")).isEqualTo(Path.of("/tmp/pinned"));
        } finally {
            if (pinned == null) {
                System.clearProperty("gatehouse.dataDir");
            } else {
                System.setProperty("gatehouse.dataDir", pinned);
            }
        }
    }
}
