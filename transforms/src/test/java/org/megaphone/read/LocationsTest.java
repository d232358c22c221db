package org.megaphone.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locations: a store's URL or a local path, told apart and joined. */
class LocationsTest {
  @Test
  void onlyAnS3UrlNamesAStore() {
    assertThat(Locations.isRemote("s3://bucket/prefix"), equalTo(true));
    // No file system for these in the jar: read as local paths, which do not exist.
    assertThat(Locations.isRemote("hdfs://namenode/data"), equalTo(false));
    assertThat(Locations.isRemote("gs://bucket/data"), equalTo(false));
    assertThat(Locations.isRemote("s3://"), equalTo(false));
    assertThat(Locations.isRemote("/data/exports"), equalTo(false));
    assertThat(Locations.isRemote("data/s3://x"), equalTo(false));
    assertThat(Locations.isRemote("file:///data"), equalTo(false));
    assertThat(Locations.isRemote("C:\\data"), equalTo(false));
    assertThat(Locations.isRemote(null), equalTo(false));
  }

  @Test
  void foldersLoseTheirTrailingSlashesAndJoinWithOne() {
    assertThat(Locations.folder("s3://bucket/reports//"), equalTo("s3://bucket/reports"));
    assertThat(
        Locations.resolve("s3://bucket/reports/", "CURRENT"),
        equalTo("s3://bucket/reports/CURRENT"));
    assertThat(Locations.fileName("s3://bucket/reports/runs/r1/"), equalTo("r1"));
    assertThat(Locations.fileName("s3://bucket/a b.csv"), equalTo("a b.csv"));
  }

  @Test
  void aLocalFileIsWrittenWithItsFoldersAndReadBack(@TempDir Path dir) throws IOException {
    String file = dir.resolve("a/b/summary.json").toString();
    assertThat(Locations.exists(file), equalTo(false));
    Locations.write(file, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(Locations.exists(file), equalTo(true));
    assertThat(new String(Locations.read(file), StandardCharsets.UTF_8), equalTo("{}"));
    assertThat(Files.isDirectory(dir.resolve("a/b")), equalTo(true));
  }
}
