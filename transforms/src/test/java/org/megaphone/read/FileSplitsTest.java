package org.megaphone.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.megaphone.model.Post;
import org.megaphone.model.Reject;

/** Cutting a table file into parts read apart: the same records, lines and rejects as whole. */
class FileSplitsTest {
  private static final String HEADER = "platform,post_id,handle,published_at,text";
  private static final Table<Post> POSTS = Tables.posts("UTC");

  /** What a read gave: rows and rejects in file order, and the counts. */
  private record Read(List<Post> rows, List<Reject> rejects, long records, long rejected) {}

  private static Read whole(byte[] file) throws IOException {
    List<Post> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    try (TextInput text = TextInput.open("posts.csv", new ByteArrayInputStream(file))) {
      TableFiles.Counts c =
          TableFiles.parse(POSTS, "posts.csv", text.reader(), rows::add, rejects::add);
      return new Read(rows, rejects, c.rows(), c.rejected());
    }
  }

  private static Read inParts(byte[] file, FileSplits.Plan plan) throws IOException {
    List<Post> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    long records = 0;
    long rejected = 0;
    TableFiles.Head head;
    try (TextInput text = TextInput.open("posts.csv", new ByteArrayInputStream(file))) {
      head = TableFiles.head(text.reader());
    }
    for (int i = 0; i < plan.splits().size(); i++) {
      FileSplits.Split s = plan.splits().get(i);
      ByteArrayInputStream bytes =
          new ByteArrayInputStream(Arrays.copyOfRange(file, (int) s.start(), (int) s.end()));
      TableFiles.PartCounts c;
      if (i == 0) {
        try (TextInput text = TextInput.open("posts.csv", bytes)) {
          c =
              TableFiles.parseFirstPart(
                  POSTS, "posts.csv", text.reader(), (row, src) -> rows.add(row), rejects::add);
        }
      } else {
        try (TextInput text = TextInput.openPart("posts.csv", bytes)) {
          c =
              TableFiles.parseLaterPart(
                  POSTS,
                  "posts.csv",
                  text.reader(),
                  head,
                  s.firstLine(),
                  (row, src) -> rows.add(row),
                  rejects::add);
        }
      }
      records += c.rows();
      rejected += c.rejected();
    }
    return new Read(rows, rejects, records, rejected);
  }

  /** Fails with the first row or reject where the two reads differ. */
  private static void assertSame(Read whole, Read parts, String what) {
    for (int i = 0; i < Math.max(whole.rows().size(), parts.rows().size()); i++) {
      Object w = i < whole.rows().size() ? whole.rows().get(i) : null;
      Object p = i < parts.rows().size() ? parts.rows().get(i) : null;
      assertThat(what + ": row " + i, p, equalTo(w));
    }
    for (int i = 0; i < Math.max(whole.rejects().size(), parts.rejects().size()); i++) {
      Object w = i < whole.rejects().size() ? whole.rejects().get(i) : null;
      Object p = i < parts.rejects().size() ? parts.rejects().get(i) : null;
      assertThat(what + ": reject " + i, p, equalTo(w));
    }
    assertThat(
        what,
        List.of(parts.records(), parts.rejected()),
        equalTo(List.of(whole.records(), whole.rejected())));
  }

  private static FileSplits.Plan plan(byte[] file, long partBytes, long firstPartRecords)
      throws IOException {
    return FileSplits.plan(new ByteArrayInputStream(file), ',', partBytes, firstPartRecords);
  }

  /** A file of every kind of line the tokenizer treats apart, in random order. */
  private static byte[] hostileFile(long seed) {
    Random random = new Random(seed);
    StringBuilder text =
        new StringBuilder(seed % 2 == 0 ? "\uFEFF" : "").append(HEADER).append('\n');
    for (int i = 0; i < 3_000; i++) {
      String p = "p" + i;
      String line =
          switch (random.nextInt(16)) {
            case 0 -> "ig," + p + ",anna,2020-03-23,\"a, \"\"quoted\"\" text\"\n";
            case 1 -> "ig," + p + ",anna,2020-03-23,\"two\nlines\"\n";
            case 2 -> "ig," + p + ",anna,2020-03-23,\"never closed\n";
            case 3 -> "ig," + p + ",\"anna\"x,2020-03-23,t\n";
            case 4 -> random.nextBoolean() ? "\n" : "  \t \n";
            case 5 -> "ig," + p + ",an\"na,2020-03-23,t\n";
            case 6 -> "ig," + p + ",\"two\nlines\",2020-03-23\n";
            case 7 -> "ig," + p + ",anna,2020-03-23,crlf\r\n";
            case 8 -> "ig," + p + ",anna,2020-03-23,lone cr\r";
            case 9 -> "\uFEFFig," + p + ",anna,2020-03-23,bom inside\n";
            case 10 -> "ig," + p + ",anna,2020-03-23,\"ends in a \"\"\n\"\n";
            case 11 -> "ig," + p + ",anna,2020-03-23,\"\"\n";
            case 12 -> "ig," + p + ",anna,2020-03-23,x\0y\n";
            case 13 -> "ig," + p + ",anna,2020-03-23,\"three\r\nline\rrecord\"\n";
            case 14 -> "ig," + p + ",anna,yesterday,t\n";
            default -> "ig," + p + ",anna,2020-03-23,plain " + "é".repeat(random.nextInt(3)) + "\n";
          };
      text.append(line);
      if (random.nextInt(400) == 0) {
        for (int k = 0; k < FileSplits.QUOTE_FREE_LINES + random.nextInt(5) - 2; k++) {
          text.append("yt,q").append(i).append('_').append(k).append(",ben,2020-03-24,q\n");
        }
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void readingAHostileFileInPartsGivesItsRowsRejectsAndLinesAsReadingItWhole(long seed)
      throws IOException {
    byte[] file = hostileFile(seed);
    Read whole = whole(file);
    for (long partBytes : new long[] {1, 97, 1_000, 20_000}) {
      FileSplits.Plan plan = plan(file, partBytes, 3);
      assertThat(plan.splits().size(), greaterThan(1));
      assertSame(whole, inParts(file, plan), "seed " + seed + ", parts of " + partBytes + " bytes");
    }
  }

  @Test
  void aFileOfSelfContainedLinesIsCutAtLineStartsNearEachPartSize() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 1_000; i++) {
      text.append("ig,p").append(i).append(",anna,2020-03-23,\"a, b\"\n"); // 31 to 33 bytes
    }
    byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
    FileSplits.Plan plan = plan(file, 3_000, 10);
    assertThat(plan.splits().size(), is(11));
    assertThat(plan.bytes(), is((long) file.length));
    assertThat(plan.sha256(), is(TableFiles.sha256(file)));
    for (FileSplits.Split s : plan.splits()) {
      assertThat(s.start() == 0 || file[(int) s.start() - 1] == '\n', is(true));
      assertThat(s.firstLine(), is(line(file, s.start())));
    }
    assertThat(plan.splits().get(plan.splits().size() - 1).end(), is((long) file.length));
  }

  @Test
  void noCutFallsAfterAQuotedLineBreakUntilThousandAndOneLinesWithoutAQuote() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("ig,p0,anna,2020-03-23,\"two\nlines\"\n");
    for (int i = 0; i < 2_000; i++) {
      text.append("ig,p").append(i).append(",anna,2020-03-23,\"q\"\n"); // a quote on every line
    }
    int uncertainEnd = text.length();
    for (int i = 0; i < FileSplits.QUOTE_FREE_LINES + 50; i++) {
      text.append("ig,r").append(i).append(",anna,2020-03-23,t\n");
    }
    byte[] file = text.toString().getBytes(StandardCharsets.US_ASCII);
    FileSplits.Plan plan = plan(file, 1, 0);
    // Cuts until the quoted line break, none in the quoted lines, and again after 1,001 quote-free
    // ones.
    long before =
        plan.splits().stream()
            .filter(s -> s.start() > 0 && s.start() <= HEADER.length() + 1)
            .count();
    long inside =
        plan.splits().stream()
            .filter(s -> s.start() > HEADER.length() + 1 && s.start() <= uncertainEnd)
            .count();
    long after = plan.splits().stream().filter(s -> s.start() > uncertainEnd).count();
    assertThat(before, is(1L));
    assertThat(inside, is(0L));
    assertThat(after, is(50L));
    assertSame(whole(file), inParts(file, plan), "quoted lines");
  }

  @Test
  void theFirstPartHoldsMoreThanTheRecordsNeededBeforeTheFirstCut() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 100; i++) {
      text.append("ig,p").append(i).append(",anna,2020-03-23,t\n");
    }
    byte[] file = text.toString().getBytes(StandardCharsets.US_ASCII);
    FileSplits.Plan plan = plan(file, 1, 40);
    // Line 1 is the header; a cut before line 42 would leave fewer than 40 records in the first
    // part.
    assertThat(plan.splits().get(1).firstLine(), is(42L));
  }

  @Test
  void theNotATableRuleHoldsInALaterPartWhenItsPeakMeetsTheDeficitOfThePartsBefore() {
    // Part 0: 100,001 good records (10 × 0 − 9 × 100,001 = −900,009); part 1: malformed only.
    FilePart first = part(0, 100_001, 0, Long.MIN_VALUE);
    assertThat(FilePart.notATable(List.of(first, part(1, 900_008, 900_008, 900_008))), is(false));
    assertThat(FilePart.notATable(List.of(first, part(1, 900_009, 900_009, 900_009))), is(true));
    // A part of good records only never triggers, whatever came before.
    assertThat(
        FilePart.notATable(List.of(part(0, 0, 0, Long.MIN_VALUE), part(1, 5, 0, Long.MIN_VALUE))),
        is(false));
  }

  @Test
  void mergingPartsSumsTheirCountsAndKeepsTheFilesSizeAndChecksum() {
    InputFile merged =
        FilePart.merge(
            List.of(
                part(0, 10, 1, 1).read(99, "abc", new TableFiles.PartCounts(10, 2, 1, 1)),
                part(1, 5, 0, Long.MIN_VALUE)
                    .read(99, "abc", new TableFiles.PartCounts(5, 1, 0, Long.MIN_VALUE))));
    assertThat(
        List.of(
            merged.getPath(),
            merged.getBytes(),
            merged.getSha256(),
            merged.getRows(),
            merged.getRejected()),
        contains("posts.csv", 99L, "abc", 15L, 3L));
  }

  private static FilePart part(int index, long rows, long malformed, long peak) {
    return new FilePart(
        "posts",
        "/in/posts.csv",
        "posts.csv",
        index,
        2,
        0,
        1,
        1,
        99,
        "abc",
        rows,
        0,
        malformed,
        peak);
  }

  /** The physical line (LF, CRLF or lone CR) on which byte {@code offset} is. */
  private static long line(byte[] file, long offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (file[i] == '\n' || (file[i] == '\r' && (i + 1 >= file.length || file[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  @Test
  void theWholeFileIsOnePartWhenNoLineStartIsCertain() throws IOException {
    byte[] file =
        (HEADER + "\nig,p1,anna,2020-03-23,\"open\n" + "ig,p2,anna,2020-03-23,\"q\"\n".repeat(50))
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(plan(file, 1, 0).splits(), hasSize(2)); // only the cut right after the header
  }
}
