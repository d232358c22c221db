package org.megaphone.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedRunsTest {
  private static List<ReportRow> rows(int n, long seed) {
    Random random = new Random(seed);
    List<ReportRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String week = "2020-W" + (10 + random.nextInt(5));
      String id = Integer.toString(random.nextInt(50));
      // Equal keys with different cells too: the order breaks ties by the cells.
      rows.add(ReportRow.create(List.of(week, id), List.of(week, id, "ü\"," + random.nextInt(3))));
    }
    return rows;
  }

  @Test
  void aReportSortedInSpilledRunsIsByteIdenticalToOneSortedInMemory() throws Exception {
    List<ReportRow> rows = rows(1_000, 7);
    StringWriter inMemory = new StringWriter();
    CsvFiles.write(inMemory, List.of("week", "id", "x"), rows);
    StringWriter spilled = new StringWriter();
    long written = CsvFiles.write(spilled, List.of("week", "id", "x"), rows, 7);
    assertThat(written, equalTo(1_000L));
    assertThat(spilled.toString(), equalTo(inMemory.toString()));
  }

  @Test
  void anEmptyReportAndOneThatFitsInMemoryAreWrittenWhole() throws Exception {
    StringWriter empty = new StringWriter();
    assertThat(CsvFiles.write(empty, List.of("a"), List.of(), 7), equalTo(0L));
    assertThat(empty.toString(), equalTo("a\n"));
    List<ReportRow> rows = rows(7, 3);
    StringWriter expected = new StringWriter();
    CsvFiles.write(expected, List.of("a"), rows);
    StringWriter actual = new StringWriter();
    CsvFiles.write(actual, List.of("a"), rows, 7);
    assertThat(actual.toString(), equalTo(expected.toString()));
  }
}
