package org.megaphone.read.exports;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.megaphone.read.InputException;

/**
 * Exports downloaded with the platform's UI in another language (src/test/resources/exports/
 * localized/&lt;profile&gt;.&lt;language&gt;/, each the English fixture's rows under the column
 * names real exports of that language use): recognised by the same profile, giving the same rows.
 */
class ExportLanguagesTest {
  private static final Path LOCALIZED =
      Paths.get("src", "test", "resources", "exports", "localized");
  private static final String ZONE = "Europe/Helsinki";

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(LOCALIZED)) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aLocalizedExportIsRecognisedByItsProfileAndGivesTheRowsOfItsEnglishTwin(String name)
      throws IOException {
    Path dir = LOCALIZED.resolve(name);
    ExportProfileFixturesTest.Read read = ExportProfileFixturesTest.readNative(dir);

    assertThat(read.profile(), equalTo(name.substring(0, name.indexOf('.'))));
    assertThat(read.rejects(), empty());
    ExportProfileFixturesTest.givesTheHandWrittenRows(dir, read);
  }

  @Test
  void anUnrecognisedLocalizedFileNamesItsClosestProfileByMeaning() {
    // A Swedish Instagram export without its username column: no profile matches, and the
    // closest is found through the Swedish names, not their English spelling.
    String text =
        """
        Publicerings-id,Beskrivning,Publiceringstid,Permalänk,Gilla-markeringar,Kommentarer
        1785,Pese kädet,03/17/2020 18:30,https://www.instagram.com/p/B9z/,12,3
        """;
    ExportFile file = Sources.none().describe("ig.csv", ZONE);
    InputException e =
        Assertions.assertThrows(
            InputException.class,
            () -> ExportFiles.parse(file, text, null, p -> {}, v -> {}, r -> {}));
    assertThat(
        e.getMessage(), containsString("closest profile: meta-instagram (lacks account username)"));
  }

  @Test
  void theTotalRowIsSkippedInEachLanguageOfYouTubeStudio() {
    for (String label : List.of("Total", "Gesamt", "Totalt", "Totale", "Ge\u00adsamt")) {
      assertThat(
          label, YouTubeStudio.isTotal(new NativeRow(Map.of("content", label))), equalTo(true));
    }
    assertThat(
        YouTubeStudio.isTotal(new NativeRow(Map.of("content", "hT8kZ2pQx4M"))), equalTo(false));
  }
}
