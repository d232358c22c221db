package org.megaphone.write;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract section 5: one header row, comma, LF, minimal quoting, rows sorted by code point. */
class CsvFilesTest {
  private static final List<String> HEADER = List.of("week", "entity_id", "posts");

  private static String write(List<String> header, List<ReportRow> rows) throws IOException {
    StringWriter out = new StringWriter();
    CsvFiles.write(out, header, rows);
    return out.toString();
  }

  private static ReportRow row(List<String> key, String... cells) {
    return ReportRow.create(key, List.of(cells));
  }

  @Test
  void headerIsWrittenEvenWithoutRows() throws IOException {
    assertThat(write(HEADER, List.of()), is("week,entity_id,posts\n"));
  }

  @Test
  void linesEndWithLfOnly() throws IOException {
    String csv =
        write(
            HEADER,
            List.of(
                row(List.of("2020-W14", "a"), "2020-W14", "a", "1"),
                row(List.of("2020-W14", "b"), "2020-W14", "b", "2")));

    assertThat(csv, is("week,entity_id,posts\n2020-W14,a,1\n2020-W14,b,2\n"));
    assertThat(csv, not(containsString("\r")));
  }

  @Test
  void cellsAreQuotedOnlyWhenTheyHoldACommaQuoteCrOrLf() throws IOException {
    String csv =
        write(
            List.of("h"),
            List.of(
                row(
                    List.of("k"),
                    "plain",
                    "with,comma",
                    "say \"hi\"",
                    "two\nlines",
                    "cr\rhere",
                    "",
                    " leading space",
                    "#hashtag",
                    "'=SUM(A1)",
                    "semi;colon",
                    "Città")));

    assertThat(
        csv,
        is(
            "h\n"
                + "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",, leading space,"
                + "#hashtag,'=SUM(A1),semi;colon,Città\n"));
  }

  @Test
  void emptyFirstCellIsNotQuoted() throws IOException {
    assertThat(write(List.of("a", "b"), List.of(row(List.of("k"), "", "x"))), is("a,b\n,x\n"));
  }

  @Test
  void headerCellsAreQuotedByTheSameRule() throws IOException {
    assertThat(write(List.of("a,b", "c"), List.of()), is("\"a,b\",c\n"));
  }

  @Test
  void rowsAreSortedBySortKeyColumnByColumn() throws IOException {
    String csv =
        write(
            HEADER,
            List.of(
                row(List.of("2020-W14", "b"), "2020-W14", "b", "1"),
                row(List.of("2020-W13", "z"), "2020-W13", "z", "2"),
                row(List.of("2020-W14", "a"), "2020-W14", "a", "3")));

    assertThat(csv, is("week,entity_id,posts\n2020-W13,z,2\n2020-W14,a,3\n2020-W14,b,1\n"));
  }

  @Test
  void rowsAreSortedBySortKeyNotByTheirCells() throws IOException {
    String csv = write(List.of("v"), List.of(row(List.of("b"), "1"), row(List.of("a"), "2")));

    assertThat(csv, is("v\n2\n1\n"));
  }

  @Test
  void sortKeysCompareByCodePoint() throws IOException {
    // Code point order: "B" < "a" < "é" < U+FFFF < U+1F600 (UTF-16 order would put U+1F600 first).
    String emoji = "\uD83D\uDE00";
    String csv =
        write(
            List.of("entity_id"),
            List.of(
                row(List.of(emoji), emoji),
                row(List.of("\uFFFF"), "\uFFFF"),
                row(List.of("é"), "é"),
                row(List.of("a"), "a"),
                row(List.of("B"), "B")));

    assertThat(csv, is("entity_id\nB\na\né\n\uFFFF\n" + emoji + "\n"));
  }

  @Test
  void keysCompareAsStringsSoTenSortsBeforeNine() throws IOException {
    String csv =
        write(
            List.of("bulletin_id"), List.of(row(List.of("B9"), "B9"), row(List.of("B10"), "B10")));

    assertThat(csv, is("bulletin_id\nB10\nB9\n"));
  }

  @Test
  void shorterKeyThatIsAPrefixSortsFirst() throws IOException {
    String csv =
        write(List.of("v"), List.of(row(List.of("a", "x"), "long"), row(List.of("a"), "short")));

    assertThat(csv, is("v\nshort\nlong\n"));
  }

  @Test
  void outputDoesNotDependOnInputOrder() throws IOException {
    ReportRow r1 = row(List.of("2020-W14", "a"), "2020-W14", "a", "1");
    ReportRow r2 = row(List.of("2020-W14", "b"), "2020-W14", "b", "2");
    ReportRow r3 = row(List.of("2020-W15", "a"), "2020-W15", "a", "3");

    assertThat(write(HEADER, List.of(r3, r1, r2)), is(write(HEADER, List.of(r2, r3, r1))));
  }
}
